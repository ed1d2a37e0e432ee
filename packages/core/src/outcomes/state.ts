import type { Actor } from '../access/roles.js';
import { GENESIS_HASH } from '../chain/hash-chain.js';
import type { Band, Frequency, Polarity } from '../events/outcome-events.js';
import type { Period } from '../shared/period.js';

/** A comparator's figure for one period, with the release it came from. */
export interface ComparatorValue {
  value: number;
  source: string;
}

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

export interface MilestoneRecord {
  status: { status: 'met' | 'missed'; on: string; evidenceId: string | null; by: Actor; reason: string | null } | null;
  link: { indicatorId: string; value: number } | null;
  /** Every re-planning, oldest first; the last one's `newDueDate` is the milestone's date now. */
  replans: { previousDueDate: string | null; newDueDate: string; approvedBy: string; reason: string | null; at: string }[];
}

export interface CarryOver {
  fromPlanId: string;
  fromReference: string;
  setBy: Actor;
  setAt: string;
  reason: string | null;
}

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

export const initialOutcomeState = (): OutcomeState => ({
  indicators: new Map(), indicatorOrder: [], milestones: new Map(), carryOvers: new Map(), revision: -1, lastHash: GENESIS_HASH, lastRecordedAt: null,
});

export const indicatorsInOrder = (state: OutcomeState): Indicator[] => state.indicatorOrder.map((id) => state.indicators.get(id)!);

/** Values oldest first. */
export const valuesInOrder = (indicator: Indicator): IndicatorValue[] => [...indicator.values.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));

/** Trajectory points oldest first. */
export const trajectoryInOrder = (indicator: Indicator): { by: Period; value: number }[] =>
  [...indicator.trajectory.entries()].map(([by, value]) => ({ by, value })).sort((a, b) => (a.by < b.by ? -1 : 1));

export const outcomeStream = (planId: string): string => `outcomes-${planId}`;
export const planIdOfOutcomeStream = (stream: string): string | null => (stream.startsWith('outcomes-') ? stream.slice('outcomes-'.length) : null);
