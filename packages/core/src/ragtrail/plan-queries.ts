import { invalid, notFound, parseInput } from '../shared/errors.js';
import { Period } from '../shared/period.js';
import type { RecordedEvent } from '../events/envelope.js';
import { toRecorded } from '../events/recorded.js';
import { OverallMethod } from '../events/plan-events.js';
import { planStream } from '../plan/decider.js';
import type { PlanState } from '../plan/state.js';
import { defaultPeriod } from '../projections/default-period.js';
import { ragSummary, type RagSummary } from '../projections/rag-summary.js';
import { exceptions, type PlanException } from '../projections/exceptions.js';
import { auditTrail, type AuditFilter, type AuditRecord } from '../projections/audit-trail.js';
import { sustainedEvidence, type ActionEvidence } from '../projections/sustained-evidence.js';
import type { EventStore } from '../store/port.js';
import { normaliseAsOf } from './instant.js';
import type { PlanTimeline } from './plan-timeline.js';
import { readHistoryPage, type HistoryPage, type HistoryPageQuery } from './history-page.js';
import { perRevisionAnswers } from './per-revision-answers.js';
import type { QueryOptions } from './types.js';

/**
 * Options of a RAG summary query: the period and "as known at" instant of any query, plus an overall method
 * to use instead of the plan's own.
 */
export type SummaryQuery = QueryOptions & { overallMethod?: OverallMethod | string };

/** The read side of plans: every query is a pure projection of the plan as known now or at `asOf`. */
export function createPlanQueries(deps: { store: EventStore; now: () => Date; timeline: (planId: string) => PlanTimeline }) {
  const { store, now, timeline } = deps;
  const summaries = perRevisionAnswers<RagSummary>();

  async function loadPlan(planId: string, asOf?: string): Promise<PlanState> {
    const t = timeline(planId);
    const state = asOf === undefined ? await t.refresh() : await t.asOf(normaliseAsOf(asOf));
    if (state.status !== 'active') {
      if (asOf !== undefined && (await t.refresh()).status === 'active')
        throw notFound('asOf', `Plan ${planId} did not exist yet at ${asOf}`);
      throw notFound('planId', `No plan ${planId}: list plans to see their ids`);
    }
    return state;
  }

  /** The period a query is about: the one asked for (validated), else the plan's default period. */
  function resolvePeriod(state: PlanState, period?: string): string {
    return period !== undefined ? parseInput(Period, period, 'period') : defaultPeriod(state, now());
  }

  async function history(planId: string, asOf?: string): Promise<RecordedEvent[]> {
    await loadPlan(planId, asOf);
    const limit = asOf === undefined ? undefined : normaliseAsOf(asOf);
    const events = await store.readStream(planStream(planId));
    return events.filter((e) => limit === undefined || e.recordedAt <= limit).map(toRecorded);
  }

  async function summary(planId: string, query: SummaryQuery = {}): Promise<RagSummary> {
    const overallMethod = query.overallMethod === undefined ? undefined : parseInput(OverallMethod, query.overallMethod, 'overallMethod');
    const state = await loadPlan(planId, query.asOf);
    const period = resolvePeriod(state, query.period);
    const compute = () => ragSummary(state, period, overallMethod ? { overallMethod } : {});
    if (query.asOf !== undefined) return compute();
    return summaries(planId, state.revision, `${period}|${overallMethod ?? ''}`, compute);
  }

  return {
    loadPlan,
    resolvePeriod,
    history,
    /**
     * One page of a plan's history (`after` a revision, at most `limit` events, as known at `asOf`),
     * read from the store without reading the rest: a client walks a long plan page by page.
     */
    historyPage: (planId: string, query: HistoryPageQuery = {}): Promise<HistoryPage> => readHistoryPage(store, loadPlan, planId, query),
    summary,

    async exceptions(planId: string, query: QueryOptions = {}): Promise<{ period: string; exceptions: PlanException[] }> {
      const state = await loadPlan(planId, query.asOf);
      const period = resolvePeriod(state, query.period);
      return { period, exceptions: exceptions(state, period) };
    },

    async audit(planId: string, query: AuditFilter & { asOf?: string; offset?: number; limit?: number } = {}): Promise<{ total: number; records: AuditRecord[] }> {
      const offset = query.offset ?? 0;
      if (!Number.isInteger(offset) || offset < 0) throw invalid('offset', 'non-negative', 'offset must be a whole number, 0 or more');
      if (query.limit !== undefined && (!Number.isInteger(query.limit) || query.limit < 0)) throw invalid('limit', 'non-negative', 'limit must be a whole number, 0 or more');
      const events = await history(planId, query.asOf);
      const filter: AuditFilter = { ...query };
      if (query.since) filter.since = normaliseAsOf(query.since, 'since').replace('T23:59:59.999Z', 'T00:00:00.000Z');
      if (query.until) filter.until = normaliseAsOf(query.until, 'until');
      const records = auditTrail(events, filter);
      return { total: records.length, records: records.slice(offset, query.limit === undefined ? undefined : offset + query.limit) };
    },

    async evidence(planId: string, query: QueryOptions & { action?: string } = {}): Promise<{ period: string; actions: ActionEvidence[] }> {
      const state = await loadPlan(planId, query.asOf);
      const period = resolvePeriod(state, query.period);
      const events = await history(planId, query.asOf);
      const filter: { period: string; action?: string } = { period };
      if (query.action !== undefined) filter.action = query.action;
      const actions = sustainedEvidence(state, events, filter);
      if (query.action !== undefined && actions.length === 0) throw notFound('action', `No action "${query.action}" in plan ${planId}`);
      return { period, actions };
    },
  };
}
