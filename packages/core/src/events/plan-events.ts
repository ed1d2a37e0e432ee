import { z } from 'zod';
import { Cadence, IsoDate, Period } from '../shared/period.js';
import { ScoringScheme } from '../scheme/scheme.js';

const text = z.string().trim();
const required = (what = 'must not be empty') => z.string().trim().min(1, what);

/**
 * The direction of travel an officer states beside a score (Improving, Maintained, Declining); also the
 * direction derived from scores.
 */
export const StatedDirection = z.enum(['Improving', 'Maintained', 'Declining']);
export type StatedDirection = z.infer<typeof StatedDirection>;

/** How a plan's overall figure is averaged: over the priorities' figures or over all actions' scores. */
export const OverallMethod = z.enum(['mean-of-priorities', 'mean-of-actions']);
export type OverallMethod = z.infer<typeof OverallMethod>;

/** The person leading an action: their name and, when the plan gives it, their job title. */
export const Lead = z.object({ name: required(), jobTitle: text.default('') });
export type Lead = z.infer<typeof Lead>;

/** A labelled step inside an action ("a", "b", ...), with the plan's own text for it. */
export const SubAction = z.object({ label: required(), text: required() });
export type SubAction = z.infer<typeof SubAction>;

/** A dated step toward an objective; `dueText` keeps the plan's own words when no date can be read. */
export const Milestone = z.object({ text: required(), dueDate: IsoDate.nullable().default(null), dueText: text.default('') });
export type Milestone = z.infer<typeof Milestone>;

/**
 * What an officer records for an action in a review: the score, the written update and the stated direction.
 */
export const EntryContent = z.object({
  score: z.number().int('must be a whole number'),
  update: text,
  statedDirection: StatedDirection.nullable(),
});
export type EntryContent = z.infer<typeof EntryContent>;

/**
 * Schema of the first event of a plan's stream: its title, organisation, review cadence, scoring scheme,
 * sustain rule and overall method.
 */
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

/** Schema of the event that adds a numbered priority (a group of actions) to a plan. */
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

/** Schema of the event that opens a review period for recording, naming the reviewer and review date. */
export const ReviewOpened = z.object({ period: Period, reviewer: required(), reviewDate: IsoDate });

/**
 * Schema of the event that records an action's score for a review period, with the previous score and the
 * direction the scores show.
 */
export const EntryRecorded = EntryContent.extend({
  actionId: required(),
  period: Period,
  /** The direction the scores show against the latest earlier score, null when there is none. */
  derivedDirection: StatedDirection.nullable(),
  previousScore: z.number().int().nullable(),
  source: z.enum(['recorded', 'imported']),
});

/**
 * Schema of the event that corrects a recorded entry, keeping the before and after content and whether the
 * review was already signed off.
 */
export const EntryCorrected = z.object({
  actionId: required(),
  period: Period,
  before: EntryContent,
  after: EntryContent,
  derivedDirection: StatedDirection.nullable(),
  afterSignOff: z.boolean(),
});

/** Schema of the event by which the board signs off a review period, fixing how many entries it held. */
export const ReviewSignedOff = z.object({ period: Period, entries: z.number().int().min(0) });

/**
 * The kinds of evidence that can back an action's score (audit, data, feedback, document, observation,
 * other).
 */
export const EvidenceKind = z.enum(['audit', 'data', 'feedback', 'document', 'observation', 'other']);
/**
 * Schema of the event that attaches evidence to an action: title, kind, date observed, and optionally a link
 * and the SHA-256 of the content.
 */
export const EvidenceAttached = z.object({
  evidenceId: required(),
  actionId: required(),
  title: required(),
  kind: EvidenceKind,
  observedOn: IsoDate,
  link: z.string().trim().min(1).nullable(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest').nullable(),
});

/**
 * Schema of the event that moves an action's due date, keeping the previous date and who approved the
 * change.
 */
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
