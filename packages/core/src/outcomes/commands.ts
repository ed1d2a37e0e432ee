import { z } from 'zod';
import type { Role } from '../access/roles.js';
import { Band, Frequency, Polarity } from '../events/outcome-events.js';
import { IsoDate, Period } from '../shared/period.js';

/** Outcome commands as front ends send them; the decider parses them, so HTTP's OpenAPI and the CLI share one shape. */

const required = (what = 'must not be empty') => z.string().trim().min(1, what);
const finite = z.number({ error: 'must be a number' }).finite('must be a finite number');

/** A comparator as a command gives it: the group's name, its figure and, optionally, the release (else the value's source). */
export const ComparatorInput = z.object({ name: required(), value: finite, source: z.string().trim().optional() });

/** The input schema of each outcome command, by type: what the CLI, the HTTP API and an import hand the decider. */
export const outcomeCommandSchemas = {
  DefineIndicator: z.object({
    indicatorId: required().optional(),
    name: required(),
    unit: z.string().trim().default(''),
    better: Polarity,
    band: Band.optional(),
    decimals: z.number().int('must be a whole number').min(0).max(6).default(1),
    frequency: Frequency.default('annual'),
    source: z.string().trim().default(''),
    tolerance: z.number().finite().min(0, 'must be 0 or more').default(0),
    priorities: z.array(required()).default([]),
    actions: z.array(required()).default([]),
  }),
  RecordIndicatorValue: z.object({
    indicator: required(),
    period: Period,
    value: finite,
    source: z.string().trim().optional(),
    release: z.string().trim().default(''),
    comparators: z.array(ComparatorInput).default([]),
  }),
  CorrectIndicatorValue: z.object({ indicator: required(), period: Period, value: finite.optional(), comparators: z.array(ComparatorInput).default([]) }),
  SetIndicatorTarget: z.object({ indicator: required(), by: Period, value: finite, tolerance: z.number().finite().min(0, 'must be 0 or more').optional() }),
  SetIndicatorBaseline: z.object({ indicator: required(), period: Period, value: finite }),
  LinkMilestone: z.object({ action: required(), milestone: z.number().int().min(1, 'milestones are numbered from 1'), indicator: required(), value: finite }),
  RecordMilestone: z.object({
    action: required(),
    milestone: z.number().int().min(1, 'milestones are numbered from 1'),
    status: z.enum(['met', 'missed']),
    on: IsoDate,
    evidence: z.string().trim().min(1).optional(),
  }),
  ReplanMilestone: z.object({ action: required(), milestone: z.number().int().min(1, 'milestones are numbered from 1'), due: IsoDate, approvedBy: required() }),
  LinkCarryOver: z.object({ action: required(), fromPlan: required(), fromReference: required() }),
} as const;

/** The name of an outcome command (DefineIndicator, RecordIndicatorValue, ... LinkCarryOver). */
export type OutcomeCommandType = keyof typeof outcomeCommandSchemas;
/** What a caller may send for an outcome command of type K, before defaults are filled in. */
export type OutcomeCommandInput<K extends OutcomeCommandType> = z.input<(typeof outcomeCommandSchemas)[K]>;
/** An outcome command's input of type K after its schema has parsed it, as the decider's handlers read it. */
export type OutcomeCommandData<K extends OutcomeCommandType> = z.output<(typeof outcomeCommandSchemas)[K]>;
/** Every outcome command type, for front ends that list them (the OpenAPI document, the permission tables). */
export const outcomeCommandTypes = Object.keys(outcomeCommandSchemas) as OutcomeCommandType[];

/**
 * Who may issue each outcome command: officers record values (with the comparators published for
 * the period) and milestone statuses; reviewers correct, set targets and baselines and link;
 * admins define indicators. Board members may re-plan a milestone as they may re-schedule an action.
 */
export const outcomePermissions = {
  DefineIndicator: ['admin'],
  RecordIndicatorValue: ['officer', 'reviewer', 'admin'],
  CorrectIndicatorValue: ['reviewer', 'admin'],
  SetIndicatorTarget: ['reviewer', 'admin'],
  SetIndicatorBaseline: ['reviewer', 'admin'],
  LinkMilestone: ['reviewer', 'admin'],
  RecordMilestone: ['officer', 'reviewer', 'admin'],
  ReplanMilestone: ['reviewer', 'board', 'admin'],
  LinkCarryOver: ['reviewer', 'admin'],
} as const satisfies Record<OutcomeCommandType, readonly Role[]>;

/** What each outcome command does, in the words a refusal uses ("may not record an indicator value"), as commandWords does for plan commands. */
export const outcomeCommandWords: Record<OutcomeCommandType, string> = {
  DefineIndicator: 'define an indicator',
  RecordIndicatorValue: 'record an indicator value',
  CorrectIndicatorValue: 'correct an indicator value',
  SetIndicatorTarget: "set an indicator's target",
  SetIndicatorBaseline: "set an indicator's baseline",
  LinkMilestone: 'link a milestone to an indicator',
  RecordMilestone: "record a milestone's status",
  ReplanMilestone: 're-plan a milestone',
  LinkCarryOver: 'record what an action carries over',
};
