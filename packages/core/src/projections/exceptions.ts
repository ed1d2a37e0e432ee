import { periodEnd, periodLabel } from '../shared/period.js';
import { compareScores, worstLevel, type ScoringScheme } from '../scheme/scheme.js';
import { entryAt, type PlanState } from '../plan/state.js';
import { actionFigure, actionGroups } from './figures.js';

/**
 * Why an action is on the board's exception list: at the worst level, declining, overdue, not updated, or
 * its stated direction disagrees with its scores.
 */
export type ExceptionKind = 'worst-level' | 'declining' | 'overdue' | 'not-updated' | 'direction-disagrees';

/** One action on the exception list for a period: which action, why it is there, its score and a sentence saying so. */
export interface PlanException {
  kind: ExceptionKind;
  actionId: string;
  ref: string;
  title: string;
  priorityId: string | null;
  score: number | null;
  message: string;
}

/** A level counts as complete when it asks for evidence of completion, or is the best the scheme has. */
const isComplete = (scheme: ScoringScheme, score: number | null): boolean => {
  if (score === null) return false;
  const best = scheme.levels.reduce((a, b) => (compareScores(scheme, a.value, b.value) >= 0 ? a : b));
  return score === best.value || scheme.levels.some((l) => l.value === score && l.requiresEvidence);
};

/** What a board looks at first: reds, slippage, missed dates, silence, and claims the scores do not bear out. */
export function exceptions(state: PlanState, period: string): PlanException[] {
  const worst = worstLevel(state.scheme);
  const end = periodEnd(period);
  const out: PlanException[] = [];
  for (const group of actionGroups(state, period)) {
    for (const action of group.actions) {
      const figure = actionFigure(state, action, period);
      const entry = entryAt(state, action.actionId, period);
      const base = { actionId: action.actionId, ref: action.ref, title: action.title, priorityId: action.priorityId, score: figure.score };
      if (figure.score === worst.value)
        out.push({ ...base, kind: 'worst-level', message: `${action.ref} is at ${worst.label} (${worst.value})` });
      if (entry?.derivedDirection === 'Declining')
        out.push({ ...base, kind: 'declining', message: `${action.ref} declined from ${entry.previousScore} to ${entry.score}` });
      if (action.dueDate !== null && action.dueDate < end && !isComplete(state.scheme, figure.score))
        out.push({ ...base, kind: 'overdue', message: `${action.ref} was due on ${action.dueDate} and is not complete` });
      if (!entry)
        out.push({ ...base, kind: 'not-updated', message: `${action.ref} has no update for ${periodLabel(period)}${figure.scoredPeriod ? `; its last score is from ${periodLabel(figure.scoredPeriod)}` : ''}` });
      if (entry && entry.statedDirection !== null && entry.derivedDirection !== null && entry.statedDirection !== entry.derivedDirection)
        out.push({ ...base, kind: 'direction-disagrees', message: `${action.ref} is stated as ${entry.statedDirection} but its scores show ${entry.derivedDirection} (${entry.previousScore} to ${entry.score})` });
    }
  }
  return out;
}
