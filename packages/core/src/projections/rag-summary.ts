import type { Direction } from '../scheme/scheme.js';
import { previousPeriod } from '../shared/period.js';
import type { OverallMethod, StatedDirection } from '../events/plan-events.js';
import { entryAt, type PlanState } from '../plan/state.js';
import { actionFigure, actionGroups, directionOfFigures, groupFigures, mean, type ActionFigure, type GroupFigures } from './figures.js';

/**
 * One action's row in a RAG summary: its figure, the previous score, the stated and derived directions, the
 * update, and its owners, lead and due date.
 */
export interface ActionSummaryRow extends ActionFigure {
  title: string;
  previousScore: number | null;
  statedDirection: StatedDirection | null;
  derivedDirection: Direction | null;
  update: string;
  owners: string[];
  lead: string | null;
  dueDate: string | null;
}

/**
 * One priority's row in a RAG summary: its figures for the period and the one before, the direction between
 * them and its action rows.
 */
export interface PrioritySummaryRow {
  priorityId: string | null;
  number: number;
  title: string;
  previous: GroupFigures;
  current: GroupFigures;
  direction: Direction | null;
  /** Figures the council reported before ragtrail for these periods, shown as imported, never as computed. */
  imported: { previous: number | null; current: number | null } | null;
  actions: ActionSummaryRow[];
}

/**
 * A board's RAG summary of one period against the one before: the plan, each priority's rows and figures,
 * the overall figures, any imported figures and the review's status.
 */
export interface RagSummary {
  planId: string;
  title: string;
  organisation: string;
  period: string;
  previousPeriod: string;
  overallMethod: OverallMethod;
  priorities: PrioritySummaryRow[];
  /** The plan's figure; `notUpdated` of `actions` (those counted this period) carry an earlier score forward. */
  overall: { previous: number | null; current: number | null; direction: Direction | null; notUpdated: number; actions: number };
  importedOverall: { previous: number | null; current: number | null; source: string } | null;
  review: { reviewer: string; reviewDate: string; status: 'open' | 'signed-off'; signedOffBy: string | null; signedOffAt: string | null } | null;
  /** The revision of the plan's stream this summary was computed from. */
  revision: number;
}

function overallFigure(method: OverallMethod, groups: GroupFigures[], figures: ActionFigure[]): number | null {
  if (method === 'mean-of-actions') return mean(figures.flatMap((f) => (f.score === null ? [] : [f.score])));
  return mean(groups.flatMap((g) => (g.mean === null ? [] : [g.mean])));
}

/** The board's RAG summary of one period against the one before, computed through the plan's scheme. */
export function ragSummary(state: PlanState, period: string, options: { overallMethod?: OverallMethod } = {}): RagSummary {
  const method = options.overallMethod ?? state.overallMethod;
  const before = previousPeriod(period, state.cadence);
  const importedNow = state.importedFigures.get(period);
  const importedBefore = state.importedFigures.get(before);
  const allNow: ActionFigure[] = [];
  const allBefore: ActionFigure[] = [];

  // Indexed once: a priority with hundreds of actions must not search the previous period's list per action.
  const groupsBefore = new Map(actionGroups(state, before).map((g) => [g.priorityId, g]));
  const priorities = actionGroups(state, period).map((group): PrioritySummaryRow => {
    const now = group.actions.map((a) => actionFigure(state, a, period));
    const then = groupsBefore.get(group.priorityId)?.actions.map((a) => actionFigure(state, a, before)) ?? [];
    const previousScoreOf = new Map(then.map((f) => [f.actionId, f.score]));
    // Loops, not push(...now): a priority of 150,000 actions would overflow the call stack.
    for (const f of now) allNow.push(f);
    for (const f of then) allBefore.push(f);
    const current = groupFigures(state.scheme, now);
    const previous = groupFigures(state.scheme, then);
    const importedCurrent = group.priorityId ? importedNow?.priorities.get(group.priorityId) ?? null : null;
    const importedPrevious = group.priorityId ? importedBefore?.priorities.get(group.priorityId) ?? null : null;
    return {
      priorityId: group.priorityId,
      number: group.number,
      title: group.title,
      previous,
      current,
      direction: directionOfFigures(state.scheme, previous.mean, current.mean),
      imported: importedCurrent === null && importedPrevious === null ? null : { previous: importedPrevious, current: importedCurrent },
      actions: group.actions.map((action, i) => {
        const figure = now[i]!;
        const entry = figure.scoredPeriod === period ? entryAt(state, action.actionId, period) : undefined;
        return {
          ...figure,
          title: action.title,
          previousScore: previousScoreOf.get(action.actionId) ?? null,
          statedDirection: entry?.statedDirection ?? null,
          derivedDirection: entry?.derivedDirection ?? null,
          update: entry?.update ?? '',
          owners: action.owners,
          lead: action.lead ? [action.lead.name, action.lead.jobTitle].filter(Boolean).join(', ') : null,
          dueDate: action.dueDate,
        };
      }),
    };
  });

  const currentOverall = overallFigure(method, priorities.map((p) => p.current), allNow);
  const previousOverall = overallFigure(method, priorities.map((p) => p.previous), allBefore);
  const review = state.reviews.get(period);
  const importedOverallSource = importedNow ?? importedBefore;
  return {
    planId: state.planId,
    title: state.title,
    organisation: state.organisation,
    period,
    previousPeriod: before,
    overallMethod: method,
    priorities,
    overall: {
      previous: previousOverall, current: currentOverall, direction: directionOfFigures(state.scheme, previousOverall, currentOverall),
      notUpdated: priorities.reduce((n, p) => n + p.current.notUpdated, 0),
      actions: priorities.reduce((n, p) => n + p.current.scored + p.current.unscored, 0),
    },
    importedOverall: importedOverallSource
      ? { previous: importedBefore?.overall ?? null, current: importedNow?.overall ?? null, source: importedOverallSource.source }
      : null,
    review: review
      ? { reviewer: review.reviewer, reviewDate: review.reviewDate, status: review.status, signedOffBy: review.signedOffBy?.name ?? null, signedOffAt: review.signedOffAt }
      : null,
    revision: state.revision,
  };
}
