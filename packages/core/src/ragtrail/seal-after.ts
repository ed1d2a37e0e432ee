import { randomUUID } from 'node:crypto';
import { seal } from '../chain/hash-chain.js';
import { eventCatalogue, type DomainEvent } from '../events/catalogue.js';
import type { EventToAppend } from '../events/envelope.js';
import { Actor } from '../access/roles.js';
import { parseInput } from '../shared/errors.js';
import type { CommandMetadata } from '../shared/command-metadata.js';
import type { Caller } from './types.js';

/** Where a stream's chain ends: what the next event must follow. */
export interface StreamTail {
  revision: number;
  lastHash: string;
  lastRecordedAt: string | null;
}

/** Each caller's actor as validated, with the fields it was validated from. */
const validatedActors = new WeakMap<object, { from: { id: unknown; name: unknown; role: unknown }; actor: Actor }>();

/**
 * The caller's actor, validated. An import's 300,000 commands come from one caller: validating
 * its actor once, and recording one shared object in every entry, saves a schema check and an
 * object per command. Reused only while the object's fields are the ones that were validated.
 */
function actorOf(raw: unknown): Actor {
  const known = typeof raw === 'object' && raw !== null ? validatedActors.get(raw) : undefined;
  const fields = raw as { id?: unknown; name?: unknown; role?: unknown };
  if (known && known.from.id === fields.id && known.from.name === fields.name && known.from.role === fields.role) return known.actor;
  const actor = Object.freeze(parseInput(Actor, raw, 'actor'));
  validatedActors.set(raw as object, { from: { id: fields.id, name: fields.name, role: fields.role }, actor });
  return actor;
}

/** Who, why and when for one decision; the actor is validated here, once, for every stream. */
export function metadataOf(caller: Caller, now: () => Date): CommandMetadata {
  const actor = actorOf(caller.actor);
  const reason = caller.reason?.trim() ? caller.reason.trim() : null;
  return { actor, reason, now: now() };
}

/** Stamps and seals decided events after `tail`; recorded time never goes backwards in a stream. */
export function sealAfter(stream: string, tail: StreamTail, events: readonly DomainEvent[], metadata: CommandMetadata): EventToAppend[] {
  const at = metadata.now.toISOString();
  const recordedAt = tail.lastRecordedAt !== null && tail.lastRecordedAt > at ? tail.lastRecordedAt : at;
  let prevHash = tail.lastHash;
  return events.map((event, i) => {
    const sealed = seal({
      id: randomUUID(), stream, revision: tail.revision + 1 + i, recordedAt, type: event.type,
      version: eventCatalogue[event.type].version, data: event.data, actor: metadata.actor, reason: metadata.reason, prevHash,
    });
    prevHash = sealed.hash;
    return sealed;
  });
}
