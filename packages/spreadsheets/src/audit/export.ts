import { z } from 'zod';
import { describeAuditRecord, parseInput, slugify, type Ragtrail } from '@ragtrail/core';
import type { ExportedFile } from '../tracker/export.js';
import { writeCsv } from '../table/write-csv.js';

export const AuditExportInput = z.object({
  planId: z.string().trim().min(1),
  action: z.string().trim().min(1).optional(),
  actor: z.string().trim().min(1).optional(),
  type: z.string().trim().min(1).optional(),
  since: z.string().trim().min(1).optional(),
  until: z.string().trim().min(1).optional(),
  /** The log as it stood at this moment: the same file, whatever was recorded later. */
  asOf: z.string().trim().min(1).optional(),
});
export type AuditExportInput = z.input<typeof AuditExportInput>;

const header = ['Recorded at', 'Revision', 'Event', 'Who', 'Role', 'Reason', 'Action', 'Period', 'What changed', 'Event id', 'Hash'];


/**
 * The audit trail as CSV for auditors who work in a spreadsheet: one row per event, oldest first,
 * with who, when, why and what changed, and each event's id and hash so a row can be checked
 * against the log (`ragtrail verify`).
 */
export async function exportAudit(rt: Ragtrail, input: AuditExportInput): Promise<ExportedFile> {
  const { planId, ...filter } = parseInput(AuditExportInput, input, 'input');
  const { records } = await rt.audit(planId, filter);
  // "Score changed from 1 (Completed) to 2 (In progress); Update set to “Digest live”": the core's
  // sentences, with the plan's own level names, every value as recorded and none as JSON.
  const { scheme } = await rt.loadPlan(planId, filter.asOf);
  const changed = (r: (typeof records)[number]) => describeAuditRecord(r, { scheme }).join('; ');
  const rows = records.map((r) => [r.recordedAt, r.revision, r.type, r.actor.name, r.actor.role, r.reason ?? '', r.ref ?? '', r.period ?? '', changed(r), r.eventId, r.hash]);
  // A token's name or a reason such as "=cmd|' /C calc'!A0" must reach Excel as text, not a formula.
  const body = writeCsv([header, ...rows]);
  const moment = filter.asOf ? `-as-of-${slugify(filter.asOf)}` : '';
  return { body, contentType: 'text/csv; charset=utf-8', fileName: `${slugify(planId)}-audit${moment}.csv` };
}
