import { z } from 'zod';
import { Cadence, IsoDate, Period } from '../shared/period.js';
import { ScoringScheme } from '../scheme/scheme.js';

const text = z.string().trim();
const required = (what = 'must not be empty') => z.string().trim().min(1, what);

export const StatedDirection = z.enum(['Improving', 'Maintained', 'Declining']);
export type StatedDirection = z.infer<typeof StatedDirection>;

export const OverallMethod = z.enum(['mean-of-priorities', 'mean-of-actions']);
export type OverallMethod = z.infer<typeof OverallMethod>;

export const Lead = z.object({ name: required(), jobTitle: text.default('') });
export type Lead = z.infer<typeof Lead>;

export const SubAction = z.object({ label: required(), text: required() });
export type SubAction = z.infer<typeof SubAction>;

/** A dated step toward an objective; `dueText` keeps the plan's own words when no date can be read. */
export const Milestone = z.object({ text: required(), dueDate: IsoDate.nullable().default(null), dueText: text.default('') });
export type Milestone = z.infer<typeof Milestone>;

export const EntryContent = z.object({
  score: z.number().int('must be a whole number'),
  update: text,
  statedDirection: StatedDirection.nullable(),
});
export type EntryContent = z.infer<typeof EntryContent>;

export const PlanCreated = z.object({
  planId: required(),
  title: required(),
  organisation: required(),
  description: text.default(''),
  cadence: Cadence,
  scheme: ScoringScheme,
  sustainPeriods: z.number().int().min(1),
  overallMethod: OverallMethod,
});

export const PriorityAdded = z.object({
  priorityId: required(),
  number: z.number().int().min(1),
  title: required(),
  description: text.default(''),
});

const actionFields = {
  actionId: required(),
  ref: required(),
  priorityId: z.string().nullable(),
  title: required(),
  description: text.default(''),
  subActions: z.array(SubAction).default([]),
  owners: z.array(required()).default([]),
  dueDate: IsoDate.nullable().default(null),
  /** The plan's "by when" in its own words ("Phase 1 by March 2017"), kept beside any parsed date. */
  dueText: text.default(''),
  successMeasure: text.default(''),
  carriedOverFrom: text.nullable().default(null),
};

/** v1 stored the lead as one free-text cell, as spreadsheets do ("Iqbal Vaza, Strategic Lead"). */
export const ActionAddedV1 = z.object({ ...actionFields, lead: text.nullable() });

/** v2 splits the lead into name and job title and adds the objective fields of a plan like seed 004. */
export const ActionAdded = z.object({
  ...actionFields,
  lead: Lead.nullable().default(null),
  baseline: text.default(''),
  target: text.default(''),
  milestones: z.array(Milestone).default([]),
});

export const ReviewOpened = z.object({ period: Period, reviewer: required(), reviewDate: IsoDate });

export const EntryRecorded = EntryContent.extend({
  actionId: required(),
  period: Period,
  /** The direction the scores show against the latest earlier score, null when there is none. */
  derivedDirection: StatedDirection.nullable(),
  previousScore: z.number().int().nullable(),
  source: z.enum(['recorded', 'imported']),
});

export const EntryCorrected = z.object({
  actionId: required(),
  period: Period,
  before: EntryContent,
  after: EntryContent,
  derivedDirection: StatedDirection.nullable(),
  afterSignOff: z.boolean(),
});

export const ReviewSignedOff = z.object({ period: Period, entries: z.number().int().min(0) });

export const EvidenceKind = z.enum(['audit', 'data', 'feedback', 'document', 'observation', 'other']);
export const EvidenceAttached = z.object({
  evidenceId: required(),
  actionId: required(),
  title: required(),
  kind: EvidenceKind,
  observedOn: IsoDate,
  link: z.string().trim().min(1).nullable(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest').nullable(),
});

export const ActionRescheduled = z.object({
  actionId: required(),
  previousDueDate: IsoDate.nullable(),
  newDueDate: IsoDate,
  approvedBy: required(),
});

/** The action held its evidenced completed level long enough and left the active plan; history keeps it. */
export const ActionRetired = z.object({ actionId: required(), period: Period });

/** Figures a council reported before ragtrail (seed 002's RAG summary): shown as imported, never as computed. */
export const FiguresImported = z.object({
  period: Period,
  source: required(),
  priorities: z.array(z.object({ priorityId: required(), figure: z.number() })),
  overall: z.number().nullable(),
});
