import type { OpenAPIHono } from '@hono/zod-openapi';
import { Cadence, parseInput } from '@ragtrail/core';
import { precheckFile, type ImportResult, type SummaryInput } from '@ragtrail/spreadsheets';
import type { Context, Handler } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ragtrail } from '../env.js';
import { callerOf } from '../http/caller.js';
import { AuditQuery, ExportQuery, ImportKind, present } from '../http/queries.js';
import { problem, refusal } from '../problem.js';
import { answerLong, limitProblem } from '../work/answer.js';
import { DomainError } from '@ragtrail/core';
import { route } from '../openapi.js';

const ImportQuery = z.object({
  fileName: z.string().optional().describe('the file name (raw uploads); its extension picks the format'),
  format: z.enum(['csv', 'tsv', 'xlsx']).optional(),
  sheet: z.string().optional().describe('XLSX: the worksheet by name or 1-based number (default: the first that holds the layout)'),
  cadence: Cadence.optional().describe('monthly (default) or quarterly: how far back the "previous" column is'),
  scheme: z.string().optional().describe('ofsted-tracker-3 or development-plan-5 (default: by layout)'),
  title: z.string().optional(),
  organisation: z.string().optional(),
  carriesFrom: z.string().optional().describe('tracker and summary: the plan holding the "Ofsted N" recommendations the actions carry, when more than one could'),
  planId: z.string().optional(),
  period: z.string().optional().describe('the update month when the sheet does not name one'),
  previousPeriod: z.string().optional().describe('summary: the month of the "Previous period" column'),
  columnMap: z.string().optional().describe('JSON object: your header -> our column'),
});

interface Upload { fileName: string; content: Buffer; actions?: { fileName: string; content: Buffer } }

const uploadError = (detail: string) => { const p = refusal(400, 'file', 'upload', detail); return new DomainError('invalid', p.detail, p.field, p.rule); };

/** The most parts an upload form may hold: `file`, `actions`, and a few a form may add beside them. */
export const MAX_FORM_PARTS = 8;

/**
 * Counts the form's parts by its boundary before anything parses it: parsing a form of 300,000
 * one-byte fields (19 MB, under the upload limit) held the event loop for 2 s.
 */
function checkPartCount(bytes: Buffer, type: string): void {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  if (!boundary) throw uploadError('The multipart body names no boundary in its Content-Type');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  // The closing delimiter is one more than the parts.
  let seen = 0;
  for (let at = bytes.indexOf(delimiter); at !== -1; at = bytes.indexOf(delimiter, at + delimiter.length))
    if (++seen > MAX_FORM_PARTS + 1) throw uploadError(`The form holds more than ${MAX_FORM_PARTS} parts: send the spreadsheet as "file" (and, for a summary, "actions")`);
}

/** A multipart form with a `file` (and for summaries an optional `actions` file), or the raw bytes with ?fileName=. */
async function uploadOf(c: Context<AppEnv>, fileName: string | undefined): Promise<Upload> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const bytes = Buffer.from(await c.req.arrayBuffer());
    checkPartCount(bytes, type);
    const parsed = await new Response(bytes, { headers: { 'content-type': type } }).formData().catch(() => { throw uploadError('The multipart body could not be read'); });
    const form = { file: parsed.get('file'), actions: parsed.get('actions') };
    const file = form.file;
    if (!(file instanceof File)) throw uploadError('Send the spreadsheet in a form field named "file"');
    const actions = form.actions instanceof File ? { fileName: form.actions.name, content: Buffer.from(await form.actions.arrayBuffer()) } : undefined;
    return { fileName: fileName ?? file.name, content: Buffer.from(await file.arrayBuffer()), ...(actions ? { actions } : {}) };
  }
  const content = Buffer.from(await c.req.arrayBuffer());
  if (!fileName) throw uploadError('Name the file: ?fileName=tracker.csv (or send multipart/form-data with a "file" field)');
  if (content.length === 0) throw uploadError('The body is empty: send the spreadsheet');
  return { fileName, content };
}

function columnMapOf(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined || text === '') return undefined;
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { parsed = null; }
  return parseInput(z.record(z.string(), z.string(), { error: 'must be a JSON object of "your header": "our column"' }), parsed, 'query.columnMap');
}

const AuditExportQuery = AuditQuery.omit({ after: true, offset: true, limit: true });

/** The audit trail as a CSV download; the JSON API (bearer token) and the pages (cookie) both serve it. */
export const auditDownload: Handler<AppEnv> = async (c) => {
  // The whole history of the plan, read off the request path.
  const file = await c.get('work').run({ kind: 'export', what: 'audit', input: { planId: c.req.param('planId')!, ...present(parseInput(AuditExportQuery, c.req.query(), 'query')) } });
  return c.body(file.body, 200, { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` });
};

/** Imports councils' spreadsheets (all or nothing) and exports the tracker their board knows. */
export function fileRoutes(api: OpenAPIHono<AppEnv>, rt: Ragtrail): void {
  route(api, {
    method: 'post', path: '/imports/:kind', summary: 'Import a spreadsheet as a new plan (tracker, summary or objectives); nothing is written unless all of it imports', tag: 'files',
    query: ImportQuery, body: { mediaType: 'multipart/form-data', description: 'field "file" (and, for summary, optional "actions"); or the raw file with ?fileName=' },
    conditional: true, ok: { status: 201, description: '{ planId, events, warnings }' },
  }, async (c) => {
    const kind = parseInput(ImportKind, c.req.param('kind'), 'kind');
    const { columnMap, previousPeriod, ...q } = present(parseInput(ImportQuery, c.req.query(), 'query'));
    const upload = await uploadOf(c, q.fileName);
    const limits = c.get('importLimits');
    const input = {
      ...q, fileName: upload.fileName, content: upload.content, limits,
      ...(columnMap ? { columnMap: columnMapOf(columnMap) } : {}) };
    // What the zip directory, the declared dimensions or the size already show is refused now,
    // before a worker starts or a progress stream opens.
    try {
      await precheckFile({ fileName: input.fileName, content: input.content, limits, ...(q.format ? { format: q.format } : {}) });
      if (upload.actions) await precheckFile({ ...upload.actions, limits });
    } catch (error) {
      const p = limitProblem(error);
      if (p) return problem(c, p);
      throw error;
    }
    const caller = callerOf(c);
    const created = (result: ImportResult) => c.json(result, 201);
    if (kind !== 'summary') return answerLong(c, { kind: 'import', what: kind, input, caller }, created);
    const summary: SummaryInput = {
      ...input,
      ...(previousPeriod && q.period ? { periods: { previous: previousPeriod, current: q.period } } : {}),
      ...(upload.actions ? { actions: { ...upload.actions, limits } } : {}),
    };
    return answerLong(c, { kind: 'import', what: 'summary', input: summary, caller }, created);
  });

  route(api, {
    method: 'get', path: '/plans/:planId/exports/tracker', summary: "A period's tracker sheet as CSV or XLSX (the importer's layout)", tag: 'files',
    query: ExportQuery, ok: { status: 200, description: 'the file', mediaType: 'text/csv' },
  }, async (c) => {
    const q = parseInput(ExportQuery, c.req.query(), 'query');
    const file = await c.get('work').run({ kind: 'export', what: 'tracker', input: { planId: c.req.param('planId')!, period: q.period, format: q.format } });
    return c.body(file.body, 200, { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` });
  });

  route(api, {
    method: 'get', path: '/plans/:planId/exports/audit', summary: 'The audit trail as CSV for a spreadsheet: one row per event with who, when, why, what changed, id and hash', tag: 'files',
    query: AuditExportQuery, ok: { status: 200, description: 'the CSV file', mediaType: 'text/csv' },
  }, auditDownload);
}
