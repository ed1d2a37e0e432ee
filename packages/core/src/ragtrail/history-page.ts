import { z } from 'zod';
import type { RecordedEvent } from '../events/envelope.js';
import { toRecorded } from '../events/recorded.js';
import { planStream } from '../plan/decider.js';
import type { PlanState } from '../plan/state.js';
import { parseInput } from '../shared/errors.js';
import type { EventStore } from '../store/port.js';

/** The most events one page of a plan's history holds: one answer stays a few megabytes on any plan. */
export const HISTORY_PAGE_MAX = 5000;

/** Which page of a plan's history: the events after revision `after` (-1: from the start), at most `limit`, as known at `asOf`. */
export const HistoryPageQuery = z.object({
  asOf: z.string().optional(),
  after: z.number().int().min(-1).default(-1),
  limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).default(HISTORY_PAGE_MAX),
});
export type HistoryPageQuery = z.input<typeof HistoryPageQuery>;

/** A page of a plan's history, and how many events the whole history holds as known at the moment asked. */
export interface HistoryPage {
  events: RecordedEvent[];
  total: number;
}

/**
 * Reads only the page asked for: a plan's events up to a moment are a prefix of its stream
 * (recorded times never go backwards in a stream), so the plan's revision at that moment bounds
 * the read, and the store reads from `after + 1` at most `limit` events.
 */
export async function readHistoryPage(
  store: EventStore,
  loadPlan: (planId: string, asOf?: string) => Promise<PlanState>,
  planId: string,
  query: HistoryPageQuery,
): Promise<HistoryPage> {
  const { asOf, after, limit } = parseInput(HistoryPageQuery, query, 'query');
  const { revision } = await loadPlan(planId, asOf);
  const total = revision + 1;
  const count = Math.max(0, Math.min(limit, total - (after + 1)));
  const events = count === 0 ? [] : await store.readStream(planStream(planId), { fromRevision: after + 1, maxCount: count });
  return { events: events.map(toRecorded), total };
}
