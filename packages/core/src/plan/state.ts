import type { z } from 'zod';
import type { Cadence, Period } from '../shared/period.js';
import type { ScoringScheme } from '../scheme/scheme.js';
import type { EntryContent, Lead, Milestone, OverallMethod, StatedDirection, SubAction } from '../events/plan-events.js';
import type { EvidenceAttached } from '../events/plan-events.js';
import type { Actor } from '../access/roles.js';
import { GENESIS_HASH } from '../chain/hash-chain.js';

/** A numbered priority of a plan (a group of actions), as the plan state holds it. */
export interface Priority {
  priorityId: string;
  number: number;
  title: string;
  description: string;
}

/**
 * An action of a plan as it stands after the events so far: its reference, priority, text, lead, dates,
 * milestones and whether it has retired.
 */
export interface ActionState {
  actionId: string;
  ref: string;
  priorityId: string | null;
  title: string;
  description: string;
  subActions: SubAction[];
  lead: Lead | null;
  owners: string[];
  dueDate: string | null;
  dueText: string;
  successMeasure: string;
  carriedOverFrom: string | null;
  baseline: string;
  target: string;
  milestones: Milestone[];
  /** The period in which it was scored at the removal level and left the active plan. */
  retiredInPeriod: Period | null;
}

/** A review period of a plan: who reviews it and when, and whether it is open for recording or signed off. */
export interface Review {
  period: Period;
  reviewer: string;
  reviewDate: string;
  openedAt: string;
  status: 'open' | 'signed-off';
  signedOffBy: Actor | null;
  signedOffAt: string | null;
}

/**
 * An action's recorded score for one period with its update and directions, who recorded it when and why,
 * and how many times it was corrected.
 */
export interface Entry extends EntryContent {
  derivedDirection: StatedDirection | null;
  previousScore: number | null;
  source: 'recorded' | 'imported';
  recordedAt: string;
  recordedBy: Actor;
  reason: string | null;
  corrections: number;
}

/** A piece of evidence attached to an action, with when it was attached and by whom. */
export type Evidence = z.infer<typeof EvidenceAttached> & { attachedAt: string; attachedBy: Actor };

/**
 * The figures a council reported for a period before it used ragtrail (per priority and overall), shown as
 * imported rather than computed.
 */
export interface ImportedFigures {
  source: string;
  /** priorityId -> figure */
  priorities: ReadonlyMap<string, number>;
  overall: number | null;
}

/**
 * A plan as its events so far make it: its settings, priorities, actions, reviews, entries, evidence and
 * imported figures, plus the revision and hash of its last event.
 */
export interface PlanState {
  status: 'empty' | 'active';
  planId: string;
  title: string;
  organisation: string;
  description: string;
  cadence: Cadence;
  scheme: ScoringScheme;
  sustainPeriods: number;
  overallMethod: OverallMethod;
  // Every id- or period-keyed collection is a Map, never a plain object: ids and references are
  // text people type, and "__proto__" or "constructor" must not find a built-in property.
  priorities: ReadonlyMap<string, Priority>;
  actions: ReadonlyMap<string, ActionState>;
  /** Action ids in the order they were added. */
  actionOrder: string[];
  reviews: ReadonlyMap<Period, Review>;
  /** entries.get(actionId).get(period) */
  entries: ReadonlyMap<string, ReadonlyMap<Period, Entry>>;
  evidence: ReadonlyMap<string, Evidence[]>;
  importedFigures: ReadonlyMap<Period, ImportedFigures>;
  /** Revision of the last event folded in; -1 before any. */
  revision: number;
  lastHash: string;
  lastRecordedAt: string | null;
}

/**
 * The state of a plan before its first event: empty, at revision -1 with the chain at the genesis hash;
 * folds start from it.
 */
export const initialPlanState = (): PlanState => ({
  status: 'empty',
  planId: '',
  title: '',
  organisation: '',
  description: '',
  cadence: 'monthly',
  scheme: { id: '', name: '', betterIs: 'higher', levels: [] },
  sustainPeriods: 3,
  overallMethod: 'mean-of-priorities',
  priorities: new Map(),
  actions: new Map(),
  actionOrder: [],
  reviews: new Map(),
  entries: new Map(),
  evidence: new Map(),
  importedFigures: new Map(),
  revision: -1,
  lastHash: GENESIS_HASH,
  lastRecordedAt: null,
});

/** A plan's priorities sorted by number, as summaries and reports list them. */
export const prioritiesInOrder = (state: PlanState): Priority[] =>
  [...state.priorities.values()].sort((a, b) => a.number - b.number);

/** A plan's actions in the order they were added, as the plan lists them. */
export const actionsInOrder = (state: PlanState): ActionState[] => state.actionOrder.map((id) => state.actions.get(id)!);

/** The action's entry for exactly this period, if any. */
export const entryAt = (state: PlanState, actionId: string, period: Period): Entry | undefined => state.entries.get(actionId)?.get(period);

/** Periods with an entry for the action, oldest first. */
export const entryPeriods = (state: PlanState, actionId: string): Period[] => [...(state.entries.get(actionId)?.keys() ?? [])].sort();

/** The latest entry for the action in a period before `period` (any earlier period, not just the one before). */
export function latestEntryBefore(state: PlanState, actionId: string, period: Period): { period: Period; entry: Entry } | null {
  const periods = entryPeriods(state, actionId).filter((p) => p < period);
  const last = periods[periods.length - 1];
  return last === undefined ? null : { period: last, entry: entryAt(state, actionId, last)! };
}

/** The entry for the period if there is one, else the latest earlier one carried forward. */
export function scoreAt(state: PlanState, actionId: string, period: Period): { period: Period; entry: Entry; carried: boolean } | null {
  const own = entryAt(state, actionId, period);
  if (own) return { period, entry: own, carried: false };
  const earlier = latestEntryBefore(state, actionId, period);
  return earlier ? { ...earlier, carried: true } : null;
}

/** Whether the action is part of the active plan in `period` (it leaves after the period it retired in). */
export const isActiveIn = (action: ActionState, period: Period): boolean =>
  action.retiredInPeriod === null || period <= action.retiredInPeriod;
