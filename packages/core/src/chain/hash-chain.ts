import { createHash } from 'node:crypto';
import type { EventToAppend } from '../events/envelope.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The `prevHash` of a stream's first event (64 zeros): every chain starts from it, so a verifier knows where
 * a stream must begin.
 */
export const GENESIS_HASH = '0'.repeat(64);

type Hashable = Omit<EventToAppend, 'hash'>;

/** SHA-256 over the RFC 8785 canonical JSON of everything but the hash and the store-assigned position. */
export function hashEvent(event: Hashable): string {
  const { id, stream, revision, recordedAt, type, version, data, actor, reason, prevHash } = event;
  const canonical = canonicalJson({ id, stream, revision, recordedAt, type, version, data, actor, reason, prevHash });
  if (canonical === undefined) throw new Error(`Event ${id} cannot be canonicalised`);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Returns the event with its `hash` filled in from everything else it carries; the facade seals each event
 * before a store appends it.
 */
export const seal = (event: Hashable): EventToAppend => ({ ...event, hash: hashEvent(event) });

/**
 * The first place a stream's hash chain fails: which event, whether its hash, link or revision is wrong (or
 * it cannot be read), and a message.
 */
export type ChainBreak = {
  stream: string;
  revision: number;
  eventId: string;
  position: number | null;
  problem: 'hash-mismatch' | 'broken-link' | 'revision-gap' | 'unreadable';
  message: string;
};

/**
 * The outcome of checking every stream's hash chain: how many streams and events were checked, and the first
 * break when there is one.
 */
export type VerifyResult =
  | { ok: true; streams: number; events: number }
  | { ok: false; streams: number; events: number; firstBreak: ChainBreak };

/**
 * Checks one stream's events in revision order. An edited event fails its own hash; a deleted one
 * leaves a revision gap; a reordered one breaks the link to its predecessor.
 */
export function verifyStream(events: readonly (EventToAppend & { position?: number })[]): ChainBreak | null {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const at = { stream: e.stream, revision: e.revision, eventId: e.id, position: e.position ?? null };
    if (e.revision !== i)
      return { ...at, problem: 'revision-gap', message: `expected revision ${i} but found ${e.revision}: an event is missing or out of order` };
    if (e.prevHash !== prevHash)
      return { ...at, problem: 'broken-link', message: `does not link to the event before it (prevHash differs)` };
    let actual: string;
    try {
      actual = hashEvent(e);
    } catch {
      return { ...at, problem: 'unreadable', message: 'its content cannot be read' };
    }
    if (actual !== e.hash) return { ...at, problem: 'hash-mismatch', message: 'its content no longer matches its hash: it was changed after it was recorded' };
    prevHash = e.hash;
  }
  return null;
}
