/**
 * The facade's clock for stamping events: the injected clock, but never earlier than the latest
 * recordedAt this facade has seen anywhere in the log (its own appends, or a store's refusal naming
 * the log's last time). Stores refuse an append that would make recorded times go backwards along
 * the global order; with this clock the retry after such a refusal is stamped in order.
 */
export interface RecordedClock {
  now(): Date;
  /** Notes a recordedAt the log holds, so later stamps are not earlier. */
  saw(recordedAt: string | null | undefined): void;
}

export function createRecordedClock(now: () => Date): RecordedClock {
  let latest: string | null = null;
  return {
    now() {
      const current = now();
      return latest !== null && latest > current.toISOString() ? new Date(latest) : current;
    },
    saw(recordedAt) {
      if (recordedAt && (latest === null || recordedAt > latest)) latest = recordedAt;
    },
  };
}
