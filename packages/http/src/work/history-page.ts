import type { Ragtrail, RecordedEvent } from '@ragtrail/core';

/** Which page of a plan's history: the events after revision `after`, at most `limit`, as the log stood at `asOf`. */
export interface HistoryPageQuery { asOf?: string; after: number; limit: number }

/**
 * A page of history as it goes on the wire: the JSON body `{ events, next, total }` already
 * serialised (so a worker does the stringifying, and only text crosses back to the event loop),
 * with `next` beside it for the Link header. `next` is the `after` of the following page, or
 * null when this page ends the history as known at `asOf`.
 */
export interface HistoryPage { body: string; next: number | null; total: number }

/** How long a thread keeps the last history it read after its last page was asked for. */
export const KEEP_HISTORY_MS = 30_000;

// The core reads a plan's whole stream for its history (2.4 s for 120,000 events on SQLite), so a
// client walking 25 pages would pay it 25 times. Each facade (one a thread) keeps its last read, one
// plan at one moment, while it is being paged, and reuses it while the plan's last revision at that
// moment is the same: events up to a revision never change (the hash chain says so).
interface Kept { key: string; revision: number; events: RecordedEvent[]; expiry: NodeJS.Timeout }
const keptBy = new WeakMap<Ragtrail, Kept>();

async function eventsOf(rt: Ragtrail, planId: string, asOf: string | undefined): Promise<RecordedEvent[]> {
  const key = JSON.stringify([planId, asOf ?? null]);
  // Validates the plan and the moment as the core's history does, and says how far the log goes.
  const { revision } = await rt.loadPlan(planId, asOf);
  const kept = keptBy.get(rt);
  const events = kept?.key === key && kept.revision === revision ? kept.events : await rt.history(planId, asOf);
  if (kept) clearTimeout(kept.expiry);
  keptBy.set(rt, { key, revision: events.at(-1)?.revision ?? -1, events, expiry: setTimeout(() => keptBy.delete(rt), KEEP_HISTORY_MS).unref() });
  return events;
}

export async function historyPage(rt: Ragtrail, planId: string, query: HistoryPageQuery): Promise<HistoryPage> {
  const events = await eventsOf(rt, planId, query.asOf);
  const first = events.findIndex((e) => e.revision > query.after);
  const start = first === -1 ? events.length : first;
  const page = events.slice(start, start + query.limit);
  const next = start + page.length < events.length ? page.at(-1)!.revision : null;
  return { body: JSON.stringify({ events: page, next, total: events.length }), next, total: events.length };
}
