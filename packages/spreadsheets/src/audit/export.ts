import { z } from 'zod';
import { parseInput, slugify, type AuditRecord, type Ragtrail } from '@ragtrail/core';
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

/** "score: 1 -> 2; update: (none) -> Digest live": a cell a person can read, every value as recorded. */
const changesCell = (record: AuditRecord): string =>
  record.changes.map((c) => `${c.field}: ${valueText(c.before)} -> ${valueText(c.after)}`).join('; ');
const valueText = (v: unknown): string => (v === null || v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The audit trail as CSV for auditors who work in a spreadsheet: one row per event, oldest first,
 * with who, when, why and what changed, and each event's id and hash so a row can be checked
 * against the log (`ragtrail verify`).
 */
export async function exportAudit(rt: Ragtrail, input: AuditExportInput): Promise<ExportedFile> {
  const { planId, ...filter } = parseInput(AuditExportInput, input, 'input');
  const { records } = await rt.audit(planId, filter);
  const rows = records.map((r) => [r.recordedAt, r.revision, r.type, r.actor.name, r.actor.role, r.reason ?? '', r.ref ?? '', r.period ?? '', changesCell(r), r.eventId, r.hash]);
  // A token's name or a reason such as "=cmd|' /C calc'!A0" must reach Excel as text, not a formula.
  const body = writeCsv([header, ...rows]);
  const moment = filter.asOf ? `-as-of-${slugify(filter.asOf)}` : '';
  return { body, contentType: 'text/csv; charset=utf-8', fileName: `${slugify(planId)}-audit${moment}.csv` };
}
