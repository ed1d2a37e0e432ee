import { hashEvent, type ChainBreak } from '../chain/hash-chain.js';
import type { StoredEvent } from '../events/envelope.js';
import { DomainError } from '../shared/errors.js';

/**
 * Checks each event a kept stream is about to fold: its own hash and its link to the one before.
 * Folding stops at the first that fails, so no reader is served a state built on a changed event,
 * and the stream refuses every write until the log is restored (`refuseBrokenChain`).
 */
export function firstBreakIn(events: readonly StoredEvent[], prevHash: string): { holds: StoredEvent[]; firstBreak: ChainBreak | null } {
  let prev = prevHash;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const at = { stream: e.stream, revision: e.revision, eventId: e.id, position: e.position };
    if (e.prevHash !== prev) return { holds: events.slice(0, i), firstBreak: { ...at, problem: 'broken-link', message: 'does not link to the event before it (prevHash differs)' } };
    let actual: string;
    try {
      actual = hashEvent(e);
    } catch {
      return { holds: events.slice(0, i), firstBreak: { ...at, problem: 'unreadable', message: 'its content cannot be read' } };
    }
    if (actual !== e.hash) return { holds: events.slice(0, i), firstBreak: { ...at, problem: 'hash-mismatch', message: 'its content no longer matches its hash: it was changed after it was recorded' } };
    prev = e.hash;
  }
  return { holds: [...events], firstBreak: null };
}

/** The refusal every write to a stream with a broken chain gets, naming the first broken event. */
export const refuseBrokenChain = (subject: string, b: ChainBreak) =>
  new DomainError('rule', `The log of ${subject} is broken at ${b.stream} revision ${b.revision} (event ${b.eventId}: ${b.message}); nothing can be written until it is restored from a backup or a migrated copy (ragtrail verify names every break)`, undefined, 'chain-holds', { firstBreak: b });
