import type { EventToAppend, StoredEvent } from '@ragtrail/core';

/** The columns reads select, in the order `fromRow` expects them (array row mode skips keyed objects). */
export const EVENT_COLUMNS = 'position, id, stream, revision, recorded_at, type, version, data::text, actor::text, reason, prev_hash, hash';

type Row = [string, string, string, number, string, string, number, string, string, string | null, string, string];

/**
 * Builds an event from a row. Position is bigint, which the driver gives as text: it stays below
 * 2^53 for any log this store will hold, so a Number is exact. JSON is read as text and parsed here,
 * once, rather than by the driver's type parser and again by callers.
 */
export function fromRow(r: unknown[]): StoredEvent {
  const [position, id, stream, revision, recordedAt, type, version, data, actor, reason, prevHash, hash] = r as Row;
  return {
    id,
    stream,
    revision,
    position: Number(position),
    recordedAt,
    type,
    version,
    data: JSON.parse(data) as unknown,
    actor: JSON.parse(actor) as StoredEvent['actor'],
    reason,
    prevHash,
    hash,
  };
}

/**
 * One multi-row INSERT for a batch: one round trip however many events (a plan import appends
 * hundreds at once). Parameters are numbered $1..$12n.
 */
export function insertBatch(table: string, events: readonly EventToAppend[], positions: readonly number[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const tuples = events.map((e, i) => {
    values.push(positions[i], e.id, e.stream, e.revision, e.recordedAt, e.type, e.version, JSON.stringify(e.data ?? null), JSON.stringify(e.actor), e.reason, e.prevHash, e.hash);
    const base = i * 12;
    return `(${Array.from({ length: 12 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
  });
  return {
    text: `INSERT INTO ${table} (position, id, stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash) VALUES ${tuples.join(', ')}`,
    values,
  };
}
