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

export async function historyPage(rt: Ragtrail, planId: string, query: HistoryPageQuery): Promise<HistoryPage> {
  // The core reads the plan's whole stream (or its prefix up to asOf); what leaves here is one page.
  const events = await rt.history(planId, query.asOf);
  const first = events.findIndex((e) => e.revision > query.after);
  const start = first === -1 ? events.length : first;
  const page = events.slice(start, start + query.limit);
  const next = start + page.length < events.length ? page.at(-1)!.revision : null;
  return { body: JSON.stringify({ events: page, next, total: events.length }), next, total: events.length };
}
