import type { EventToAppend, StoredEvent } from '@ragtrail/core';

/** One row of the `events` table. Data and actor are JSON text so reads give back what was appended. */
export interface EventRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  recorded_at: string;
  type: string;
  version: number;
  data: string;
  actor: string;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export function toRow(e: EventToAppend, position: number): EventRow {
  return {
    position,
    id: e.id,
    stream: e.stream,
    revision: e.revision,
    recorded_at: e.recordedAt,
    type: e.type,
    version: e.version,
    data: JSON.stringify(e.data ?? null),
    actor: JSON.stringify(e.actor),
    reason: e.reason,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

export function fromRow(r: EventRow): StoredEvent {
  return {
    id: r.id,
    stream: r.stream,
    revision: r.revision,
    position: r.position,
    recordedAt: r.recorded_at,
    type: r.type,
    version: r.version,
    data: JSON.parse(r.data) as unknown,
    actor: JSON.parse(r.actor) as StoredEvent['actor'],
    reason: r.reason,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
