import type { RecordedEvent } from '../events/envelope.js';
import { toRecorded } from '../events/recorded.js';
import { decideOutcome, findIndicator, type OutcomeCommand } from '../outcomes/decider.js';
import type { OutcomeCommandInput, OutcomeCommandType } from '../outcomes/commands.js';
import { coverage, type PlanWithOutcomes, type RecommendationCoverage } from '../outcomes/coverage.js';
import { outcomeAuditTrail } from '../outcomes/audit.js';
import type { AuditRecord } from '../projections/audit-trail.js';
import { startOutcomeFold, evolveOutcomesAll } from '../outcomes/evolve.js';
import { indicatorView, type IndicatorView } from '../outcomes/indicator-view.js';
import { milestoneViews, type MilestoneView } from '../outcomes/milestones.js';
import { indicatorsInOrder, outcomeStream, planIdOfOutcomeStream, type OutcomeState } from '../outcomes/state.js';
import type { PlanState } from '../plan/state.js';
import { DomainError, parseInput } from '../shared/errors.js';
import { Period, periodEnd } from '../shared/period.js';
import { defaultPeriod } from '../projections/default-period.js';
import { exceptions as actionExceptions, type PlanException } from '../projections/exceptions.js';
import type { EventStore } from '../store/port.js';
import type { CommandHandler } from './command-handler.js';
import { normaliseAsOf } from './instant.js';
import { OutcomeView } from './outcome-view.js';
import type { Caller, QueryOptions } from './types.js';
import { perRevisionAnswers } from './per-revision-answers.js';

/** What an outcome command (or batch) appended: the plan, its outcome stream's new revision and the events. */
export interface OutcomeCommandResult {
  planId: string;
  revision: number;
  events: RecordedEvent[];
}

/** An off-target indicator or a milestone overdue or missed, as a sentence ("NEET 16-18: 6.8% in March 2013 against a milestone of 6.2%"). */
export interface OutcomeException {
  kind: 'off-target' | 'milestone';
  /** The indicator's id, or the action's reference and the milestone's number ("P1.1 #2"). */
  ref: string;
  /** The action a milestone belongs to, for a link to its page; null for an indicator. */
  actionId: string | null;
  indicatorId: string | null;
  message: string;
}

/** Off-target indicators (latest value up to `period`) and milestones not met by `on`, in that order. */
function outcomeExceptionsOf(plan: PlanState, outcomes: OutcomeState, period: string | undefined, on: string): OutcomeException[] {
  const off = indicatorsInOrder(outcomes).map((i) => indicatorView(i, period)).filter((v) => v.rag === 'off-target')
    .map((v): OutcomeException => ({ kind: 'off-target', ref: v.id, actionId: null, indicatorId: v.id, message: v.sentence }));
  const late = milestoneViews(plan, outcomes, on).filter((m) => m.exception !== null)
    .map((m): OutcomeException => ({ kind: 'milestone', ref: `${m.ref} #${m.milestone}`, actionId: m.actionId, indicatorId: m.link?.indicatorId ?? null, message: m.exception! }));
  return [...off, ...late];
}

/** One outcome command as a batch lists it: its type and its input, checked against the type's schema when decided. */
export type OutcomeCommandOf = { [K in OutcomeCommandType]: { type: K; data: OutcomeCommandInput<K> } }[OutcomeCommandType];

interface Deps {
  store: EventStore;
  now: () => Date;
  handle: CommandHandler;
  /** The plan as known now or at `asOf`, refusing a plan that does not exist (plan-queries' loadPlan). */
  loadPlan: (planId: string, asOf?: string) => Promise<PlanState>;
}

/**
 * Indicators, milestones and carried-over recommendations: each plan's outcomes are their own
 * stream, written through the shared command handler; decisions that check the plan read it
 * through the plan's timeline and never write it.
 */
export function createOutcomeQueries(deps: Deps) {
  const { store, now, handle, loadPlan } = deps;
  const views = new Map<string, OutcomeView>();
  const view = (planId: string): OutcomeView => {
    let v = views.get(planId);
    if (!v) views.set(planId, (v = new OutcomeView(store, planId)));
    return v;
  };
  // The action exceptions of the plan as it stands now: a few hundred milliseconds on a 40,000-action plan, asked by every dashboard.
  const actionExceptionLists = perRevisionAnswers<PlanException[]>();
  // The coverage of recommendations as things stand now, asked by every dashboard of an inspection
  // plan and of the plans carrying it: about 150 ms on a 40,000-action plan. Kept at the plan's
  // revision for the revisions of what it reads beside the plan (its outcomes, and each other
  // plan carrying anything, with its outcomes), so a change to any of them computes afresh.
  const coverageAnswers = perRevisionAnswers<ReturnType<typeof coverage>>();
  const outcomesOf = (planId: string, asOf?: string): Promise<OutcomeState> => (asOf === undefined ? view(planId).refresh() : view(planId).asOf(normaliseAsOf(asOf)));

  /** For each recommendation of an inspection plan: what carries it in other plans, and whether it is assured. */
  async function coverageOf(planId: string, query: { asOf?: string } = {}): Promise<{ planId: string; recommendations: RecommendationCoverage[]; exceptions: string[] }> {
    const plan = await loadPlan(planId, query.asOf);
    const others: PlanWithOutcomes[] = [];
    for (const stream of await store.listStreams('outcomes-')) {
      const otherId = planIdOfOutcomeStream(stream);
      if (otherId === null || otherId === planId) continue;
      const outcomes = await outcomesOf(otherId, query.asOf);
      if (outcomes.carryOvers.size === 0) continue;
      const other = await loadPlan(otherId, query.asOf).catch(() => null);
      if (other) others.push({ plan: other, outcomes });
    }
    const outcomes = await outcomesOf(planId, query.asOf);
    const compute = () => coverage({ plan, outcomes }, others);
    if (query.asOf !== undefined) return compute();
    // JSON, not a joined string: plan ids are typed by people, and no id may make two readings one question.
    const readBeside = JSON.stringify([outcomes.revision, others.map((o) => [o.plan.planId, o.plan.revision, o.outcomes.revision])]);
    return coverageAnswers(planId, plan.revision, readBeside, compute);
  }

  /**
   * Many outcome commands on one plan, each decided on the state the ones before it left, in one
   * append or none (an import of thousands of values is one decision and one fold).
   */
  async function executeOutcomes(planId: string, commands: readonly OutcomeCommandOf[], caller: Caller): Promise<OutcomeCommandResult> {
    const plan = await loadPlan(planId);
    const fromPlans = new Map<string, PlanState | null>();
    for (const c of commands)
      if (c.type === 'LinkCarryOver' && typeof c.data?.fromPlan === 'string' && !fromPlans.has(c.data.fromPlan))
        fromPlans.set(c.data.fromPlan, await loadPlan(c.data.fromPlan).catch(() => null));
    const { revision, events } = await handle({
      stream: view(planId),
      subject: `the outcomes of plan ${planId}`,
      decide: (state, metadata) => {
        const fold = startOutcomeFold(state);
        let working = state;
        const decided = [];
        for (const [i, c] of commands.entries()) {
          const command = { ...c, metadata, plan, fromPlan: c.type === 'LinkCarryOver' ? fromPlans.get(String(c.data?.fromPlan)) ?? null : null } as OutcomeCommand;
          const out = decideOutcome(command, working);
          // Fold what was decided so the next command sees it, as the store will.
          for (const [j, e] of out.entries())
            fold.apply({ ...e, id: '', stream: '', revision: state.revision + decided.length + j + 1, position: 0, recordedAt: metadata.now.toISOString(), version: 1, actor: metadata.actor, reason: metadata.reason, prevHash: '', hash: '' } as RecordedEvent);
          decided.push(...out);
          if (i < commands.length - 1) working = fold.finish();
        }
        return decided;
      },
      foldCheck: (state, sealed) => void evolveOutcomesAll(state, sealed.map((e) => toRecorded({ ...e, position: 0 }))),
    }, caller);
    return { planId, revision, events: events.map(toRecorded) };
  }

  const today = (asOf?: string): string => (asOf === undefined ? now().toISOString() : normaliseAsOf(asOf)).slice(0, 10);

  return {
    executeOutcomes,
    /** One outcome command (define, record, correct, target, milestone, carry-over) on a plan. */
    executeOutcome<K extends OutcomeCommandType>(planId: string, type: K, data: OutcomeCommandInput<K>, caller: Caller): Promise<OutcomeCommandResult> {
      return executeOutcomes(planId, [{ type, data } as OutcomeCommandOf], caller);
    },

    /**
     * When the plan was last written: the recorded time of the latest event of its stream and of its
     * outcome stream (null for a plan with neither). A report fixes its instant from this, so it
     * reads the kept states rather than replaying either stream.
     */
    async lastRecordedAt(planId: string): Promise<string | null> {
      const [plan, outcomes] = [await loadPlan(planId), await outcomesOf(planId)];
      const times = [plan.lastRecordedAt, outcomes.lastRecordedAt].filter((t): t is string => t !== null);
      return times.length === 0 ? null : times.reduce((a, b) => (a > b ? a : b));
    },

    /** Each indicator with its latest value up to `period`, and every fact derived through its polarity. */
    async indicators(planId: string, query: QueryOptions & { priority?: string } = {}): Promise<{ planId: string; period: string | null; indicators: IndicatorView[] }> {
      const plan = await loadPlan(planId, query.asOf);
      const period = query.period === undefined ? undefined : parseInput(Period, query.period, 'period');
      const outcomes = await outcomesOf(planId, query.asOf);
      const list = indicatorsInOrder(outcomes).filter((i) => query.priority === undefined || i.priorityIds.includes(query.priority));
      return { planId: plan.planId, period: period ?? null, indicators: list.map((i) => indicatorView(i, period)) };
    },

    async indicator(planId: string, indicatorId: string, query: QueryOptions = {}): Promise<IndicatorView> {
      await loadPlan(planId, query.asOf);
      return indicatorView(findIndicator(await outcomesOf(planId, query.asOf), indicatorId, 'indicator'), query.period);
    },

    /** Milestone statuses on the day asked about (the as-of date, the end of `period`, or today). */
    async milestones(planId: string, query: QueryOptions = {}): Promise<{ planId: string; on: string; milestones: MilestoneView[] }> {
      const plan = await loadPlan(planId, query.asOf);
      const on = query.period !== undefined ? periodEnd(parseInput(Period, query.period, 'period')) : today(query.asOf);
      return { planId, on, milestones: milestoneViews(plan, await outcomesOf(planId, query.asOf), on) };
    },

    /** Off-target indicators and overdue or missed milestones, in sentences, on the day asked about (the as-of date, the end of `period`, or today). */
    async outcomeExceptions(planId: string, query: QueryOptions = {}): Promise<{ planId: string; exceptions: OutcomeException[] }> {
      const plan = await loadPlan(planId, query.asOf);
      const on = query.period !== undefined ? periodEnd(parseInput(Period, query.period, 'period')) : today(query.asOf);
      return { planId, exceptions: outcomeExceptionsOf(plan, await outcomesOf(planId, query.asOf), query.period, on) };
    },

    /**
     * The plan's exceptions for a period: the actions' (`exceptions`, as before) and, beside them,
     * off-target indicators and milestones overdue or missed by the period's end (`outcomes`), so
     * every front end that shows exceptions has both. This replaces plan-queries' `exceptions` in
     * the facade (outcomes are spread after the plan queries); the action list is unchanged.
     */
    async exceptions(planId: string, query: QueryOptions = {}): Promise<{ period: string; exceptions: PlanException[]; outcomes: OutcomeException[] }> {
      const plan = await loadPlan(planId, query.asOf);
      const period = query.period !== undefined ? parseInput(Period, query.period, 'period') : defaultPeriod(plan, now());
      const listed = () => actionExceptions(plan, period);
      const exceptions = query.asOf === undefined ? actionExceptionLists(planId, plan.revision, period, listed) : listed();
      return { period, exceptions, outcomes: outcomeExceptionsOf(plan, await outcomesOf(planId, query.asOf), period, periodEnd(period)) };
    },

    /** Who changed which outcome, when and why, with before and after: the outcome stream's audit trail (as the log stood at `asOf`). */
    async outcomeAudit(planId: string, query: { asOf?: string } = {}): Promise<{ total: number; records: AuditRecord[] }> {
      await loadPlan(planId, query.asOf);
      const limit = query.asOf === undefined ? undefined : normaliseAsOf(query.asOf);
      const events = (await store.readStream(outcomeStream(planId))).filter((e) => limit === undefined || e.recordedAt <= limit).map(toRecorded);
      const records = outcomeAuditTrail(events);
      return { total: records.length, records };
    },

    /** For each recommendation of an inspection plan: what carries it in other plans, and whether it is assured. */
    coverage: coverageOf,

    /**
     * The coverage a plan's readers see, as the log stood at `asOf`: its own recommendations once
     * another plan carries any of them, then each earlier plan it carries recommendations from,
     * whole, so what nothing carries stands out. The earlier plans are the ones its carry-over
     * links name at that moment (an archived plan still counts), each answered by `coverage`.
     */
    async coverageView(planId: string, query: { asOf?: string } = {}): Promise<{ planId: string; rows: CoverageRow[] }> {
      const own = (await coverageOf(planId, query)).recommendations;
      const rows: CoverageRow[] = own.some((r) => r.carriedBy.length > 0) ? own.map((recommendation) => ({ fromPlanId: planId, recommendation })) : [];
      const carriesFrom = new Set([...(await outcomesOf(planId, query.asOf)).carryOvers.values()].map((c) => c.fromPlanId));
      for (const earlier of [...carriesFrom].filter((id) => id !== planId).sort()) {
        const theirs = await coverageOf(earlier, query).catch((error: unknown) => {
          // An earlier plan created after the moment asked about did not exist then.
          if (error instanceof DomainError && error.code === 'not-found') return null;
          throw error;
        });
        if (theirs) rows.push(...theirs.recommendations.map((recommendation) => ({ fromPlanId: earlier, recommendation })));
      }
      return { planId, rows };
    },
  };
}

/** A recommendation of `fromPlanId` (the plan asked about, or an earlier one it carries from) with what carries it. */
export interface CoverageRow {
  fromPlanId: string;
  recommendation: RecommendationCoverage;
}
