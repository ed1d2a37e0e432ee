import type { Actor } from '../access/roles.js';
import { GENESIS_HASH } from '../chain/hash-chain.js';
import type { Band, Frequency, Polarity } from '../events/outcome-events.js';
import type { Period } from '../shared/period.js';

/** A comparator's figure for one period, with the release it came from. */
export interface ComparatorValue {
  value: number;
  source: string;
}

/** One period's value of an indicator as the board has it now: who recorded it, from which release, and how often it was corrected. */
export interface IndicatorValue {
  period: Period;
  value: number;
  source: string;
  release: string;
  /** comparator name -> figure; a Map, because names are text people type. */
  comparators: ReadonlyMap<string, ComparatorValue>;
  recordedBy: Actor;
  recordedAt: string;
  corrections: number;
  /** The reason given for the latest correction. */
  correctionReason: string | null;
}

/** An indicator of a plan with its definition, values by period, target trajectory, baseline and tolerance, folded from its events. */
export interface Indicator {
  indicatorId: string;
  name: string;
  unit: string;
  better: Polarity;
  band: Band | null;
  decimals: number;
  frequency: Frequency;
  source: string;
  tolerance: number;
  priorityIds: readonly string[];
  actionIds: readonly string[];
  baseline: { period: Period; value: number } | null;
  /** Target trajectory: by period -> value. */
  trajectory: ReadonlyMap<Period, number>;
  values: ReadonlyMap<Period, IndicatorValue>;
}

/** What was recorded about one milestone of an action: its indicator link, recorded status and re-plans. */
export interface MilestoneRecord {
  status: { status: 'met' | 'missed'; on: string; evidenceId: string | null; by: Actor; reason: string | null } | null;
  link: { indicatorId: string; value: number } | null;
  /** Every re-planning, oldest first; the last one's `newDueDate` is the milestone's date now. */
  replans: { previousDueDate: string | null; newDueDate: string; approvedBy: string; reason: string | null; at: string }[];
}

/** The recommendation (or action) of another plan that an action carries, as last linked. */
export interface CarryOver {
  fromPlanId: string;
  fromReference: string;
  setBy: Actor;
  setAt: string;
  reason: string | null;
}

/** A plan's outcome stream folded: indicators, milestone records and carry-overs, keyed in Maps. */
export interface OutcomeState {
  indicators: ReadonlyMap<string, Indicator>;
  /** Indicator ids in the order they were defined. */
  indicatorOrder: readonly string[];
  /** actionId -> milestone number (1-based) -> record */
  milestones: ReadonlyMap<string, ReadonlyMap<number, MilestoneRecord>>;
  /** actionId -> what it carries over */
  carryOvers: ReadonlyMap<string, CarryOver>;
  revision: number;
  lastHash: string;
  lastRecordedAt: string | null;
}

/** The outcome state before any event: nothing defined, linked or recorded. */
export const initialOutcomeState = (): OutcomeState => ({
  indicators: new Map(), indicatorOrder: [], milestones: new Map(), carryOvers: new Map(), revision: -1, lastHash: GENESIS_HASH, lastRecordedAt: null,
});

/** The plan's indicators in the order they were defined, as every front end lists them. */
export const indicatorsInOrder = (state: OutcomeState): Indicator[] => state.indicatorOrder.map((id) => state.indicators.get(id)!);

/** An indicator's values oldest period first, as series, sparklines and directions read them. */
export const valuesInOrder = (indicator: Indicator): IndicatorValue[] => [...indicator.values.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));

/** Trajectory points oldest first. */
export const trajectoryInOrder = (indicator: Indicator): { by: Period; value: number }[] =>
  [...indicator.trajectory.entries()].map(([by, value]) => ({ by, value })).sort((a, b) => (a.by < b.by ? -1 : 1));

/** The name of the stream holding a plan's outcome events (`outcomes-<planId>`), beside the plan's own stream. */
export const outcomeStream = (planId: string): string => `outcomes-${planId}`;
/** The plan id an outcome stream belongs to, or null for a stream that is not an outcome stream. */
export const planIdOfOutcomeStream = (stream: string): string | null => (stream.startsWith('outcomes-') ? stream.slice('outcomes-'.length) : null);
