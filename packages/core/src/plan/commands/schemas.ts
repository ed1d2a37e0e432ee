import { z } from 'zod';
import { Cadence, IsoDate, Period } from '../../shared/period.js';
import { ScoringScheme } from '../../scheme/scheme.js';
import { EvidenceKind, Lead, Milestone, OverallMethod, StatedDirection, SubAction } from '../../events/plan-events.js';

const required = z.string().trim().min(1, 'must not be empty');
const optionalText = z.string().trim().default('');
const identifier = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'must be 1-80 letters, digits, ".", "_" or "-"');
/** An action named by its id or its human reference ("Ofsted 3", "P2.1"). */
const actionSelector = required.describe('action id or reference');

/** The inputs of every command, schema first: front ends validate with these and the OpenAPI document is generated from them. */
export const commandSchemas = {
  CreatePlan: z.object({
    planId: identifier.optional(),
    title: required,
    organisation: required,
    description: optionalText,
    cadence: Cadence.default('monthly'),
    /** A shipped scheme's id, or a scheme of the plan's own. */
    scheme: z.union([required, ScoringScheme]).default('development-plan-5'),
    sustainPeriods: z.number().int().min(1).max(24).default(3),
    overallMethod: OverallMethod.default('mean-of-priorities'),
  }),
  AddPriority: z.object({
    priorityId: identifier.optional(),
    number: z.number().int().min(1),
    title: required,
    description: optionalText,
  }),
  AddAction: z.object({
    actionId: identifier.optional(),
    ref: required,
    priorityId: identifier.nullable().default(null),
    title: required,
    description: optionalText,
    subActions: z.array(SubAction).default([]),
    lead: Lead.nullable().default(null),
    owners: z.array(required).default([]),
    dueDate: IsoDate.nullable().default(null),
    dueText: optionalText,
    successMeasure: optionalText,
    carriedOverFrom: z.string().trim().min(1).nullable().default(null),
    baseline: optionalText,
    target: optionalText,
    milestones: z.array(Milestone).default([]),
  }),
  OpenReview: z.object({ period: Period, reviewer: required, reviewDate: IsoDate }),
  RecordEntry: z.object({
    action: actionSelector,
    period: Period,
    score: z.number().int('must be a whole number'),
    update: optionalText,
    direction: StatedDirection.nullable().default(null),
    source: z.enum(['recorded', 'imported']).default('recorded'),
  }),
  CorrectEntry: z
    .object({
      action: actionSelector,
      period: Period,
      score: z.number().int('must be a whole number').optional(),
      update: z.string().trim().optional(),
      direction: StatedDirection.nullable().optional(),
    })
    .refine((c) => c.score !== undefined || c.update !== undefined || c.direction !== undefined, {
      message: 'a correction must change the score, the update or the direction',
      path: ['score'],
    }),
  SignOffReview: z.object({ period: Period }),
  AttachEvidence: z
    .object({
      evidenceId: identifier.optional(),
      action: actionSelector,
      title: required,
      kind: EvidenceKind,
      observedOn: IsoDate,
      link: z.string().trim().min(1).nullable().default(null),
      contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest').nullable().default(null),
    })
    .refine((e) => e.link !== null || e.contentHash !== null, { message: 'evidence needs a link or a content hash', path: ['link'] }),
  RescheduleAction: z.object({ action: actionSelector, newDueDate: IsoDate, approvedBy: required }),
  ImportFigures: z.object({
    period: Period,
    source: required,
    priorities: z.array(z.object({ priorityId: identifier, figure: z.number().finite() })).min(1),
    overall: z.number().finite().nullable().default(null),
  }),
} as const;

/** The name of a plan command (CreatePlan, RecordEntry, SignOffReview, ...). */
export type PlanCommandType = keyof typeof commandSchemas;
/** The data a caller may send for a plan command, before the schema fills in defaults. */
export type CommandInput<K extends PlanCommandType> = z.input<(typeof commandSchemas)[K]>;
/** A plan command's data after its schema has validated it and filled in defaults. */
export type CommandData<K extends PlanCommandType> = z.output<(typeof commandSchemas)[K]>;
