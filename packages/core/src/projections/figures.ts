import { directionBetween, findLevel, worstOf, type Direction, type ScoringScheme } from '../scheme/scheme.js';
import { actionsInOrder, isActiveIn, prioritiesInOrder, scoreAt, type ActionState, type PlanState } from '../plan/state.js';

/** How many actions of a group sit at one level of the scoring scheme, with that level's label and colour. */
export interface LevelCount {
  value: number;
  label: string;
  colour: string;
  count: number;
}

/** A group's figures for one period: a mean alone hides reds, so the worst score and counts come with it. */
export interface GroupFigures {
  /** Mean of the scored actions at full precision; round only for display. Null when nothing is scored. */
  mean: number | null;
  /** The worst score by the scheme (the lowest on a higher-is-better scale). */
  worst: number | null;
  counts: LevelCount[];
  scored: number;
  /** Scored actions whose figure is carried forward from an earlier period. */
  notUpdated: number;
  /** Active actions never scored up to this period. */
  unscored: number;
}

/**
 * One action's score for a period (carried forward from an earlier period when none was recorded), with the
 * period it was recorded for.
 */
export interface ActionFigure {
  actionId: string;
  ref: string;
  score: number | null;
  /** The period the score was recorded for; earlier than the asked period when carried forward. */
  scoredPeriod: string | null;
  notUpdated: boolean;
}

/** The arithmetic mean of some scores at full precision, or null when there are none. */
export const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** Compares figures that may carry floating-point noise: means of the same scores must compare equal. */
export function directionOfFigures(scheme: ScoringScheme, previous: number | null, current: number | null): Direction | null {
  if (previous === null || current === null) return null;
  if (Math.abs(previous - current) < 1e-9) return 'Maintained';
  return directionBetween(scheme, previous, current);
}

/**
 * The figure an action shows for a period: its latest score at or before that period, so an action not
 * rescored keeps its last level.
 */
export function actionFigure(state: PlanState, action: ActionState, period: string): ActionFigure {
  const at = scoreAt(state, action.actionId, period);
  return {
    actionId: action.actionId,
    ref: action.ref,
    score: at?.entry.score ?? null,
    scoredPeriod: at?.period ?? null,
    notUpdated: at === null || at.carried,
  };
}

/**
 * A group's figures from its actions' figures: the mean, the worst score by the scheme and the count at each
 * level.
 */
export function groupFigures(scheme: ScoringScheme, figures: readonly ActionFigure[]): GroupFigures {
  const scores = figures.flatMap((f) => (f.score === null ? [] : [f.score]));
  return {
    mean: mean(scores),
    worst: worstOf(scheme, scores),
    counts: scheme.levels.map((l) => ({ value: l.value, label: l.label, colour: l.colour, count: scores.filter((s) => s === l.value).length })),
    scored: scores.length,
    notUpdated: figures.filter((f) => f.score !== null && f.notUpdated).length,
    unscored: figures.filter((f) => f.score === null).length,
  };
}

/**
 * The active actions of one priority for a period (or the actions under no priority), in the order a summary
 * lists them.
 */
export interface ActionGroup {
  priorityId: string | null;
  number: number;
  title: string;
  actions: ActionState[];
}

/** Priorities in number order; actions under no priority (an Ofsted tracker) form one group of their own. */
export function actionGroups(state: PlanState, period: string): ActionGroup[] {
  const active = actionsInOrder(state).filter((a) => isActiveIn(a, period));
  const groups: ActionGroup[] = prioritiesInOrder(state).map((p) => ({
    priorityId: p.priorityId, number: p.number, title: p.title, actions: active.filter((a) => a.priorityId === p.priorityId),
  }));
  const loose = active.filter((a) => a.priorityId === null || !state.priorities.has(a.priorityId));
  if (loose.length > 0) groups.push({ priorityId: null, number: 0, title: 'Actions not under a priority', actions: loose });
  return groups;
}

/** A priority as a table row names it ("1. Workforce"); the group of actions under no priority by its title alone. */
export const priorityName = (p: { number: number; title: string }): string => (p.number > 0 ? `${p.number}. ${p.title}` : p.title);
/** A priority as a heading names it ("Priority 1: Workforce"); the group of actions under no priority by its title alone. */
export const priorityHeading = (p: { number: number; title: string }): string => (p.number > 0 ? `Priority ${p.number}: ${p.title}` : p.title);

/** The scheme level a score falls on, or null for no score or a score the scheme does not define. */
export const levelOf = (scheme: ScoringScheme, score: number | null) => (score === null ? null : findLevel(scheme, score) ?? null);

/** Figures are kept at full precision and rounded only here, for people: 2.0446 reads "2.0". */
export const formatFigure = (figure: number | null, decimals = 1): string => (figure === null ? '–' : figure.toFixed(decimals));

/** Two figures as shown side by side, and the direction that what is shown supports. */
export interface DisplayedPair {
  before: string;
  after: string;
  /** Compared at the precision shown: never "Declining" between two equal printed figures. */
  direction: Direction | null;
  decimals: number;
}

/**
 * The one display rule for a figure and the one before it ("2.6 -> 3.3 Improving"): one decimal,
 * or, when two different figures would print alike at one decimal, two (then three), so the arrow
 * is never contradicted by what is printed ("2.60 -> 2.58 Declining"). `direction` is the one
 * computed at full precision (directionOfFigures); figures that still print alike are shown as
 * Maintained. Every front end and report shows pairs through this.
 */
export function displayPair(before: number | null, after: number | null, direction: Direction | null, maxDecimals = 3): DisplayedPair {
  let decimals = 1;
  if (before !== null && after !== null)
    while (decimals < maxDecimals && before.toFixed(decimals) === after.toFixed(decimals) && Math.abs(before - after) >= 1e-9) decimals++;
  const b = formatFigure(before, decimals);
  const a = formatFigure(after, decimals);
  return { before: b, after: a, direction: before === null || after === null ? direction : b === a ? 'Maintained' : direction, decimals };
}

/** How an average's colour is chosen, for the legend beside every coloured average. */
export function colourRule(scheme: ScoringScheme): string {
  const levels = scheme.levels.map((l) => `${l.value} ${l.label}`).join(', ');
  return `An average takes the colour of the nearest level (${levels}); halfway between two levels it takes the worse one.`;
}
