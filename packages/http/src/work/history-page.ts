import type { Ragtrail } from '@ragtrail/core';

/** Which page of a plan's history: the events after revision `after`, at most `limit`, as the log stood at `asOf`. */
export interface HistoryPageQuery { asOf?: string; after: number; limit: number }

/**
 * A page of history as it goes on the wire: the JSON body `{ events, next, total }` already
 * serialised (so a worker does the stringifying, and only text crosses back to the event loop),
 * with `next` beside it for the Link header. `next` is the `after` of the following page, or
 * null when this page ends the history as known at `asOf`.
 */
export interface HistoryPage { body: string; next: number | null; total: number }

/** The core reads the page alone from the store (`historyPage`), however long the plan. */
export async function historyPage(rt: Ragtrail, planId: string, query: HistoryPageQuery): Promise<HistoryPage> {
  const { events, total } = await rt.historyPage(planId, query);
  const last = events.at(-1);
  const next = last !== undefined && last.revision + 1 < total ? last.revision : null;
  return { body: JSON.stringify({ events, next, total }), next, total };
}
