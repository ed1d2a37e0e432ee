import { z } from 'zod';
import { IsoDate, Period } from '../shared/period.js';

/*
 * Events of a plan's outcome stream (`outcomes-<planId>`): indicators, their values, targets and
 * comparators, milestone statuses and carried-over recommendations. They live beside the plan's
 * stream, not in it: see docs/indicators.md for why.
 */

const required = (what = 'must not be empty') => z.string().trim().min(1, what);
const finite = z.number().finite('must be a finite number');

/**
 * Which way an indicator improves: `higher` or `lower` values are better, or `band` (on target inside a
 * range).
 */
export const Polarity = z.enum(['higher', 'lower', 'band']);
export type Polarity = z.infer<typeof Polarity>;

/** How often an indicator's values are published: monthly, quarterly or annually. */
export const Frequency = z.enum(['monthly', 'quarterly', 'annual']);
export type Frequency = z.infer<typeof Frequency>;

/** For `band` indicators: the range that counts as on target, both ends included. */
export const Band = z.object({ low: finite, high: finite }).refine((b) => b.low <= b.high, { message: 'low must not be above high', path: ['low'] });
export type Band = z.infer<typeof Band>;

/** A published figure for a group of authorities (statistical neighbours, England, region), with where it came from. */
export const Comparator = z.object({ name: required(), value: finite, source: required('needs the release it was published in') });
export type Comparator = z.infer<typeof Comparator>;

/**
 * Schema of the event that defines an outcome indicator: its name, unit, polarity, frequency, amber
 * tolerance and the priorities and actions it evidences.
 */
export const IndicatorDefined = z.object({
  indicatorId: required(),
  name: required(),
  unit: z.string().trim(),
  better: Polarity,
  band: Band.nullable(),
  decimals: z.number().int().min(0).max(6),
  frequency: Frequency,
  source: z.string().trim(),
  /** How far off the target still counts as amber, in the indicator's unit. */
  tolerance: z.number().finite().min(0),
  priorityIds: z.array(required()),
  /** Actions and recommendations (by action id) this indicator evidences. */
  actionIds: z.array(required()),
});

/**
 * Schema of the event that records an indicator's published value for a period, with its source, release and
 * comparator figures.
 */
export const IndicatorValueRecorded = z.object({
  indicatorId: required(),
  period: Period,
  value: finite,
  source: z.string().trim(),
  release: z.string().trim(),
  comparators: z.array(Comparator),
});

const ValueContent = z.object({ value: finite, comparators: z.array(Comparator) });

/** A restated value: the board's original stays in the log, "as known at" still shows it. */
export const IndicatorValueCorrected = z.object({ indicatorId: required(), period: Period, before: ValueContent, after: ValueContent });

/** One point of the target trajectory (replacing any point for the same period), and optionally a new tolerance. */
export const IndicatorTargetSet = z.object({ indicatorId: required(), by: Period, value: finite, tolerance: z.number().finite().min(0).nullable() });

/**
 * Schema of the event that sets an indicator's baseline: the value it started from and the period it was
 * measured in.
 */
export const IndicatorBaselineSet = z.object({ indicatorId: required(), period: Period, value: finite });

/** A milestone with a numeric target, met or missed by the indicator's value for its due period. */
export const MilestoneLinked = z.object({ actionId: required(), milestone: z.number().int().min(1), indicatorId: required(), value: finite });

/**
 * Schema of the event that records an action's milestone as met or missed on a date, optionally citing the
 * evidence.
 */
export const MilestoneStatusRecorded = z.object({
  actionId: required(),
  milestone: z.number().int().min(1),
  status: z.enum(['met', 'missed']),
  on: IsoDate,
  evidenceId: z.string().trim().min(1).nullable(),
});

/**
 * Schema of the event that moves a milestone's due date, keeping the previous date and who approved the
 * change.
 */
export const MilestoneReplanned = z.object({
  actionId: required(),
  milestone: z.number().int().min(1),
  previousDueDate: IsoDate.nullable(),
  newDueDate: IsoDate,
  approvedBy: required(),
});

/** An action of this plan carries a recommendation (or action) of another plan, named as data. */
export const CarryOverLinked = z.object({ actionId: required(), fromPlanId: required(), fromReference: required() });
