import { createHash } from 'node:crypto';
import { StoredEvent, type EventToAppend } from '@ragtrail/core';

/**
 * The part of the core envelope EventStoreDB has no field for. It travels in each event's custom
 * metadata so that a read returns exactly what was sealed (the hash covers all of it).
 */
export const EnvelopeMetadata = StoredEvent.pick({
  id: true,
  recordedAt: true,
  version: true,
  actor: true,
  reason: true,
  prevHash: true,
  hash: true,
});
export type EnvelopeMetadata = ReturnType<typeof EnvelopeMetadata.parse>;

/** What we hand to the client for one event. */
export interface ProposedEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: { ragtrail: EnvelopeMetadata };
}

const NO_POSITION = 2n ** 63n;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * EventStoreDB insists on UUID event ids. Core ids are UUIDs in practice; any other id gets a
 * stable name-based UUID so that a retried append of the same event is recognised as the same one.
 * The original id is always kept in the metadata and is what reads return.
 */
export function eventStoreId(id: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  const h = createHash('sha256').update(`ragtrail:${id}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function toProposed(event: EventToAppend): ProposedEvent {
  return {
    id: eventStoreId(event.id),
    type: event.type,
    data: event.data,
    metadata: {
      ragtrail: {
        id: event.id,
        recordedAt: event.recordedAt,
        version: event.version,
        actor: event.actor,
        reason: event.reason,
        prevHash: event.prevHash,
        hash: event.hash,
      },
    },
  };
}

/** A record as the client hands it back, reduced to what we read. */
export interface RecordedShape {
  streamId: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata?: unknown;
  position?: { commit: bigint; prepare: bigint };
}

/** EventStoreDB's own bookkeeping ($-prefixed streams and types) is never part of the log. */
export const isSystemEvent = (e: Pick<RecordedShape, 'streamId' | 'type'>): boolean => e.streamId.startsWith('$') || e.type.startsWith('$');

/** True when the record carries a ragtrail envelope; other applications may share the database. */
export const hasEnvelope = (e: RecordedShape): boolean =>
  typeof e.metadata === 'object' && e.metadata !== null && 'ragtrail' in e.metadata;

/** Rebuilds the stored event. Throws naming the stream and revision when the envelope is damaged. */
export function fromRecorded(e: RecordedShape): StoredEvent {
  const where = `${e.streamId}@${e.revision}`;
  const parsed = EnvelopeMetadata.safeParse((e.metadata as { ragtrail?: unknown } | undefined)?.ragtrail);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Event ${where} has no valid ragtrail envelope in its metadata (${issue?.path.join('.') || 'ragtrail'}: ${issue?.message ?? 'missing'})`);
  }
  // Servers that predate positions on stream reads send none, or the all-ones "no position" value.
  if (!e.position || e.position.commit >= NO_POSITION)
    throw new Error(`Event ${where} came back without a global position: this EventStoreDB server does not report $all positions on stream reads; use a 22.x or newer server`);
  return {
    id: parsed.data.id,
    stream: e.streamId,
    revision: Number(e.revision),
    position: Number(e.position.commit),
    recordedAt: parsed.data.recordedAt,
    type: e.type,
    version: parsed.data.version,
    data: e.data,
    actor: parsed.data.actor,
    reason: parsed.data.reason,
    prevHash: parsed.data.prevHash,
    hash: parsed.data.hash,
  };
}
