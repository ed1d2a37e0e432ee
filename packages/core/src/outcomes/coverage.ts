import { findLevel } from '../scheme/scheme.js';
import { actionsInOrder, entryPeriods, type ActionState, type PlanState } from '../plan/state.js';
import { indicatorView } from './indicator-view.js';
import type { OutcomeDirection, IndicatorRag } from './polarity.js';
import { indicatorsInOrder, type OutcomeState } from './state.js';

/** An action of a later plan that carries a recommendation, with its latest score, direction and evidence. */
export interface CarryingAction {
  planId: string;
  actionId: string;
  ref: string;
  title: string;
  latest: { period: string; score: number; label: string } | null;
  direction: string | null;
  retired: boolean;
  evidence: number;
}

/** One recommendation of an inspection plan with the actions carrying it, its indicators, and whether it is closed. */
export interface RecommendationCoverage {
  actionId: string;
  ref: string;
  title: string;
  /** Closed when removed after sustained evidence, here or in a plan that carries it. */
  status: 'open' | 'closed';
  carriedBy: CarryingAction[];
  indicators: { planId: string; indicatorId: string; name: string; direction: OutcomeDirection | null; rag: IndicatorRag | null; sentence: string }[];
  evidence: { planId: string; evidenceId: string; title: string; observedOn: string }[];
  /** Why nothing assures it is acted on, in words; null when something does. */
  exception: string | null;
}

/** A plan with its outcome state, as the coverage projection reads each plan. */
export interface PlanWithOutcomes {
  plan: PlanState;
  outcomes: OutcomeState;
}

const evidenceOf = (plan: PlanState, actionId: string) => plan.evidence.get(actionId) ?? [];

function carrying(later: PlanWithOutcomes, action: ActionState): CarryingAction {
  const { plan } = later;
  const last = entryPeriods(plan, action.actionId).at(-1);
  const entry = last === undefined ? undefined : plan.entries.get(action.actionId)?.get(last);
  return {
    planId: plan.planId, actionId: action.actionId, ref: action.ref, title: action.title,
    latest: entry && last ? { period: last, score: entry.score, label: findLevel(plan.scheme, entry.score)?.label ?? String(entry.score) } : null,
    direction: entry?.derivedDirection ?? null,
    retired: action.retiredInPeriod !== null,
    evidence: evidenceOf(plan, action.actionId).length,
  };
}

/**
 * For each recommendation (action) of the inspection plan: the actions of other plans whose
 * outcome streams say they carry it, their latest scores, the indicators linked to it or to them,
 * and the evidence; a recommendation nothing carries, or whose carriers were all retired without
 * evidence, is an exception.
 */
export function coverage(inspection: PlanWithOutcomes, others: readonly PlanWithOutcomes[]): { planId: string; recommendations: RecommendationCoverage[]; exceptions: string[] } {
  const recommendations = actionsInOrder(inspection.plan).map((rec): RecommendationCoverage => {
    const key = rec.ref.trim().toLowerCase();
    const carriers: { from: PlanWithOutcomes; action: ActionState }[] = [];
    for (const other of others)
      for (const [actionId, link] of other.outcomes.carryOvers)
        if (link.fromPlanId === inspection.plan.planId && link.fromReference.trim().toLowerCase() === key) {
          const action = other.plan.actions.get(actionId);
          if (action) carriers.push({ from: other, action });
        }
    const carriedBy = carriers.map((c) => carrying(c.from, c.action));
    const linked = [{ from: inspection, ids: [rec.actionId] }, ...carriers.map((c) => ({ from: c.from, ids: [c.action.actionId] }))];
    const indicators = linked.flatMap(({ from, ids }) =>
      indicatorsInOrder(from.outcomes)
        .filter((ind) => ind.actionIds.some((id) => ids.includes(id)))
        .map((ind) => {
          const v = indicatorView(ind);
          return { planId: from.plan.planId, indicatorId: ind.indicatorId, name: ind.name, direction: v.direction, rag: v.rag, sentence: v.sentence };
        }));
    const evidence = linked.flatMap(({ from, ids }) =>
      ids.flatMap((id) => evidenceOf(from.plan, id).map((e) => ({ planId: from.plan.planId, evidenceId: e.evidenceId, title: e.title, observedOn: e.observedOn }))));
    const closed = rec.retiredInPeriod !== null || carriers.some((c) => c.action.retiredInPeriod !== null && evidenceOf(c.from.plan, c.action.actionId).length > 0);
    let exception: string | null = null;
    if (!closed && carriers.length === 0) exception = `${rec.ref} "${rec.title}" is carried by no action in a later plan`;
    else if (!closed && carriers.every((c) => c.action.retiredInPeriod !== null))
      exception = `${rec.ref} "${rec.title}": every action carrying it was retired without evidence`;
    return { actionId: rec.actionId, ref: rec.ref, title: rec.title, status: closed ? 'closed' : 'open', carriedBy, indicators, evidence, exception };
  });
  return { planId: inspection.plan.planId, recommendations, exceptions: recommendations.flatMap((r) => (r.exception ? [r.exception] : [])) };
}
