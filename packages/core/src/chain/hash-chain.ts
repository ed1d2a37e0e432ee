import { createHash } from 'node:crypto';
import type { EventToAppend } from '../events/envelope.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The `prevHash` of a stream's first event (64 zeros): every chain starts from it, so a verifier knows where
 * a stream must begin.
 */
export const GENESIS_HASH = '0'.repeat(64);

type Hashable = Omit<EventToAppend, 'hash'>;

// An actor is one frozen object for every event of a caller (see seal-after.ts): its text is
// written once. Only a frozen object of plain values is kept, so the text cannot go stale.
const actorTexts = new WeakMap<object, string>();

const isPlainValue = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function' && typeof v !== 'symbol' && v !== undefined);

function actorText(actor: unknown): string | undefined {
  if (typeof actor !== 'object' || actor === null || !Object.isFrozen(actor)) return canonicalJson(actor);
  let text = actorTexts.get(actor);
  if (text === undefined) {
    text = canonicalJson(actor);
    if (text !== undefined && Object.values(actor).every(isPlainValue)) actorTexts.set(actor, text);
  }
  return text;
}

const JSON_MEMBER = (v: unknown) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';

/**
 * The RFC 8785 text of everything but the hash and the store-assigned position, written member by
 * member in the canonical (sorted) order of the envelope's fixed names: no envelope object to build
 * and no names to sort per event. An envelope with a member JSON cannot hold takes the general
 * path, which treats it as the standard says.
 */
function envelopeText(event: Hashable): string {
  const { id, stream, revision, recordedAt, type, version, data, actor, reason, prevHash } = event;
  if (![id, stream, revision, recordedAt, type, version, data, actor, reason, prevHash].every(JSON_MEMBER)) {
    const text = canonicalJson({ id, stream, revision, recordedAt, type, version, data, actor, reason, prevHash });
    if (text === undefined) throw new Error(`Event ${id} cannot be canonicalised`);
    return text;
  }
  return `{"actor":${actorText(actor)},"data":${canonicalJson(data)},"id":${canonicalJson(id)},"prevHash":${canonicalJson(prevHash)},"reason":${canonicalJson(reason)},"recordedAt":${canonicalJson(recordedAt)},"revision":${canonicalJson(revision)},"stream":${canonicalJson(stream)},"type":${canonicalJson(type)},"version":${canonicalJson(version)}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** SHA-256 over the RFC 8785 canonical JSON of everything but the hash and the store-assigned position. */
export const hashEvent = (event: Hashable): string => sha256(envelopeText(event));

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
