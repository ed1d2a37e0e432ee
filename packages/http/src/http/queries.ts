import { HISTORY_PAGE_MAX, OverallMethod } from '@ragtrail/core';
import { z } from 'zod';
import { LIST_PAGE_MAX, pageFields } from './paging.js';

/** Every read of a plan: which period, and as known at which recorded moment (ISO-8601). */
export const ReadQuery = z.object({
  period: z.string().optional().describe('the period, YYYY-MM (default: the latest reviewed)'),
  asOf: z.string().optional().describe('answer as the log stood at this instant (ISO-8601)'),
});

const count = (max: number) => z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(max, `must be at most ${max}`);

export const AuditQuery = z.object({
  asOf: ReadQuery.shape.asOf,
  action: z.string().optional().describe('action id or reference ("Ofsted 3", "P2.1")'),
  actor: z.string().optional().describe("the actor's name or id"),
  since: z.string().optional().describe('recorded at or after this date or instant'),
  until: z.string().optional().describe('recorded at or before this date or instant'),
  type: z.string().optional().describe('event type, e.g. EntryCorrected'),
  ...pageFields(LIST_PAGE_MAX, 'records'),
  offset: count(Number.MAX_SAFE_INTEGER).optional().describe('the older form of `after`: skip this many records (`after` + 1); not with `after`'),
});

/** A page of a plan's history is at most this many events (about 1 KB each as JSON), and this many unless asked for fewer: the core's bound. */
export { HISTORY_PAGE_MAX };

/**
 * A plan's history is read a page at a time: the events whose revision is greater than `after`
 * (-1, the default, is before the first), at most `limit` of them, as the log stood at `asOf`.
 */
export const HistoryQuery = z.object({ asOf: ReadQuery.shape.asOf, ...pageFields(HISTORY_PAGE_MAX, 'events (by revision)') });

/** The plan's state as known now or at `asOf`, with a page of its actions. */
export const PlanQuery = ReadQuery.pick({ asOf: true }).extend(pageFields(LIST_PAGE_MAX, 'actions'));

/** The summary may also be asked with the other overall method than the plan's own; its action rows come a page at a time. */
export const SummaryQuery = ReadQuery.extend({ overallMethod: OverallMethod.optional().describe("overall figure: mean of priorities or of actions (default: the plan's)"), ...pageFields(LIST_PAGE_MAX, 'action rows') });

export const ExceptionsQuery = ReadQuery.extend(pageFields(LIST_PAGE_MAX, 'exceptions'));

export const EvidenceQuery = ReadQuery.extend({ action: z.string().optional().describe('only this action (id or reference)'), ...pageFields(LIST_PAGE_MAX, 'actions') });

export const ReportQuery = ReadQuery.extend({ format: z.enum(['md', 'html', 'xlsx', 'pdf']).default('html') });

export const ExportQuery = z.object({ period: z.string().describe('the period, YYYY-MM'), format: z.enum(['csv', 'xlsx']).default('csv') });

export const VerifyQuery = z.object({ planId: z.string().optional().describe('only this plan') });

export const ImportKind = z.enum(['tracker', 'summary', 'objectives']);

/** Drops absent keys so the core sees "not given" rather than `undefined` values. */
export const present = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as { [K in keyof T]?: Exclude<T[K], undefined> };
