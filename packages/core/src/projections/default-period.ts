import { periodOfDate } from '../shared/period.js';
import type { PlanState } from '../plan/state.js';

/**
 * Which period a view is about when nobody says: the latest one with a review (the month the
 * board looks at), else the latest one scored, else the current month. Every front end (the
 * summary, the record form, time travel's focus) asks here, so they never disagree.
 */
export function choosePeriod(latestReviewed: string | null, latestScored: string | null, today: Date): string {
  return latestReviewed ?? latestScored ?? periodOfDate(today.toISOString());
}

/** The greatest of some period keys (YYYY-MM sorts as text), without sorting them all. */
export function latestKey(keys: Iterable<string>): string | null {
  let latest: string | null = null;
  for (const k of keys) if (latest === null || k > latest) latest = k;
  return latest;
}

// States are immutable, so a state's periods are worked out once: a dashboard asks on every
// request, and a long-lived plan has thousands of reviews.
const latestOf = new WeakMap<PlanState, { reviewed: string | null; scored: string | null }>();

/**
 * The period a view opens on when none is asked for: the latest reviewed period, else the latest scored one,
 * else the period containing `today`.
 */
export function defaultPeriod(state: PlanState, today: Date): string {
  let latest = latestOf.get(state);
  if (latest === undefined) {
    const reviewed = latestKey(state.reviews.keys());
    const scored = reviewed ?? latestKey([...state.entries.values()].flatMap((e) => [...e.keys()]));
    latest = { reviewed, scored };
    latestOf.set(state, latest);
  }
  return choosePeriod(latest.reviewed, latest.scored, today);
}

/**
 * The period a new entry is most likely for: the latest review still open (officers record into
 * it), else the default period.
 */
export function recordingPeriod(state: PlanState, today: Date): string {
  return latestKey([...state.reviews.values()].filter((r) => r.status === 'open').map((r) => r.period)) ?? defaultPeriod(state, today);
}

/**
 * The same rule followed event by event (time travel needs it after every event without
 * folding each prefix): feed it the periods reviews and entries name, in log order.
 */
export class DefaultPeriodTracker {
  private reviewed: string | null = null;
  private scored: string | null = null;

  observe(event: { type: string; data: unknown }): void {
    const period = (event.data as { period?: unknown } | null)?.period;
    if (typeof period !== 'string') return;
    if (event.type === 'ReviewOpened' && (this.reviewed === null || period > this.reviewed)) this.reviewed = period;
    if ((event.type === 'EntryRecorded' || event.type === 'EntryCorrected') && (this.scored === null || period > this.scored)) this.scored = period;
  }

  /** The period in focus so far, or null before anything named one. */
  get current(): string | null {
    return this.reviewed ?? this.scored;
  }
}
