import type { Caller, Ragtrail } from '@ragtrail/core';
import { renderBoardReport, renderEvidencePack, renderScrutinyReport, type ReportOptions } from '@ragtrail/reports';
import { exportAudit, exportTracker, importIndicators, importObjectives, importSummary, importTracker, type AuditExportInput, type ExportInput, type ImportInput, type ImportResult, type IndicatorImportInput, type IndicatorImportResult, type SummaryInput } from '@ragtrail/spreadsheets';
import { historyPage, type HistoryPage, type HistoryPageQuery } from './history-page.js';
import { evidencePage, type EvidencePage } from './evidence-page.js';
import { auditPage } from './audit-page.js';
import type { PageAsk } from '../http/paging.js';

/** The reports the app renders: the board report, the evidence pack and the scrutiny progress report. */
export const reportKinds = ['board', 'evidence', 'scrutiny'] as const;
export type ReportKind = (typeof reportKinds)[number];
const renderers = { board: renderBoardReport, evidence: renderEvidencePack, scrutiny: renderScrutinyReport } satisfies Record<ReportKind, unknown>;

/**
 * The long pieces of work the app hands off the request path: each is a plain value (it crosses
 * to a worker thread by structured clone) and runs against whatever facade the runner holds.
 */
export type Task =
  | { kind: 'import'; what: 'tracker' | 'objectives'; input: ImportInput; caller: Caller }
  | { kind: 'import'; what: 'summary'; input: SummaryInput; caller: Caller }
  // Indicator values (and comparators) from a file into a plan's outcome stream.
  | { kind: 'indicator-import'; input: IndicatorImportInput; caller: Caller }
  | { kind: 'verify'; query: { planId?: string } }
  // Lists the plans, refreshing the store's catalogue rows (first-listing.ts); answers only the count.
  | { kind: 'plans' }
  | { kind: 'report'; what: ReportKind; options: ReportOptions }
  // Exports and the audit trail read a whole plan's history: seconds, for a long one.
  | { kind: 'export'; what: 'tracker'; input: ExportInput }
  | { kind: 'export'; what: 'audit'; input: AuditExportInput }
  | { kind: 'audit'; planId: string; query: AuditQueryOf }
  | { kind: 'evidence'; planId: string; query: EvidenceQueryOf }
  // A page of the evidence answer, cut and serialised where it is computed.
  | { kind: 'evidence-page'; planId: string; query: EvidenceQueryOf; page: PageAsk }
  // One page of a plan's recorded events, serialised where it is read.
  | { kind: 'history'; planId: string; query: HistoryPageQuery };

type AuditQueryOf = Parameters<Ragtrail['audit']>[1];
type EvidenceQueryOf = Parameters<Ragtrail['evidence']>[1];
/** A file as it crosses back from a worker: its bytes as a Uint8Array, or its text. */
export interface FileResult { body: string | Uint8Array<ArrayBuffer>; contentType: string; fileName: string }
const fileResult = (file: { body: string | Uint8Array; contentType: string; fileName: string }): FileResult =>
  ({ body: typeof file.body === 'string' ? file.body : new Uint8Array(file.body), contentType: file.contentType, fileName: file.fileName });

/** What each task answers with; a report's bytes come back as a Uint8Array or its text. */
export interface TaskResults { plans: { plans: number }; import: ImportResult; 'indicator-import': IndicatorImportResult; verify: Awaited<ReturnType<Ragtrail['verify']>>; report: FileResult; export: FileResult; audit: Awaited<ReturnType<Ragtrail['audit']>>; evidence: Awaited<ReturnType<Ragtrail['evidence']>>; 'evidence-page': EvidencePage; history: HistoryPage }
export type ResultOf<T extends Task> = TaskResults[T['kind']];

export type Progress = (done: number, total: number) => void;

export async function runTask(rt: Ragtrail, task: Task, onProgress?: Progress): Promise<unknown> {
  switch (task.kind) {
    case 'import':
      if (task.what === 'summary') return importSummary(rt, task.input, task.caller, onProgress);
      return (task.what === 'tracker' ? importTracker : importObjectives)(rt, task.input, task.caller, onProgress);
    case 'indicator-import':
      return importIndicators(rt, task.input, task.caller);
    case 'plans':
      return { plans: (await rt.plans({ ...(onProgress ? { onProgress } : {}) })).length };
    case 'verify':
      return rt.verify({ ...task.query, ...(onProgress ? { onProgress } : {}) });
    case 'report':
      return fileResult(await renderers[task.what](rt, task.options));
    case 'export':
      return fileResult(task.what === 'tracker' ? await exportTracker(rt, task.input) : await exportAudit(rt, task.input));
    case 'audit':
      return auditPage(rt, task.planId, task.query);
    case 'evidence':
      return rt.evidence(task.planId, task.query);
    case 'evidence-page':
      return evidencePage(rt, task.planId, task.query, task.page);
    case 'history':
      return historyPage(rt, task.planId, task.query);
  }
}
