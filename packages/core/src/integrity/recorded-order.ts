import type { EventToAppend } from '../events/envelope.js';

/**
 * Recorded times never go backwards along a store's global order, so "the log as it stood at T" is
 * exactly the prefix of events recorded at or before T (the tree a report for `--as-of T` signs).
 * Stores call `assertRecordedInOrder` inside their append, with the recordedAt of the log's last
 * event, and refuse a batch that would break the order; the facade then stamps again at or after
 * `latest` and retries. Times are the ISO-8601 UTC strings the core stamps, which sort as text.
 */
export class RecordedOrderError extends Error {
  override readonly name = 'RecordedOrderError';
  constructor(
    readonly stream: string,
    /** The recordedAt of the log's last event: a retry must be stamped at or after it. */
    readonly latest: string,
    readonly attempted: string,
  ) {
    super(`Events for ${stream} are stamped ${attempted}, earlier than the log's last event (${latest}): recorded times must not go backwards`);
  }
}

/**
 * Throws a RecordedOrderError when an append's events would be stamped earlier than the stream's last event
 * or than each other; stores call it before writing.
 */
export function assertRecordedInOrder(stream: string, lastRecordedAt: string | null | undefined, events: readonly Pick<EventToAppend, 'recordedAt'>[]): void {
  let previous = lastRecordedAt ?? null;
  for (const event of events) {
    if (previous !== null && event.recordedAt < previous) throw new RecordedOrderError(stream, previous, event.recordedAt);
    previous = event.recordedAt;
  }
}
