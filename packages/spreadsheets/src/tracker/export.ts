import ExcelJS from 'exceljs';
import { z } from 'zod';
import { Period, actionsInOrder, entryAt, findLevel, parseInput, periodEnd, previousPeriod, slugify, type PlanState, type Ragtrail } from '@ragtrail/core';
import { dottedDate, shortMonthYear } from '../dates.js';
import { leadCell, subActionsCell } from './cells.js';
import { evidenceCell } from './evidence-cell.js';
import { writeCsv } from '../table/write-csv.js';
import { levelKeyPrefix, trackerColumns, type TrackerColumn } from './layout.js';

export const ExportInput = z.object({
  planId: z.string().trim().min(1),
  period: Period,
  format: z.enum(['csv', 'xlsx']),
});
export type ExportInput = z.input<typeof ExportInput>;

export interface ExportedFile {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

interface Sheet {
  preamble: string[][];
  header: string[];
  keys: TrackerColumn[];
  rows: string[][];
  /** Per row, the colours of the previous and current score cells. */
  colours: { previous: string | null; current: string | null }[];
}

/** The plan as the tracker sheet of one period: the importer's layout, so an export imports back to the same plan. */
function trackerSheet(state: PlanState, period: string): Sheet {
  const before = previousPeriod(period, state.cadence);
  const hasPriorities = state.priorities.size > 0;
  // Evidence observed by the end of the period is what its scores could rest on; later evidence belongs to later sheets.
  const evidenceOf = (actionId: string) => (state.evidence.get(actionId) ?? []).filter((e) => e.observedOn <= periodEnd(period));
  const hasEvidence = state.actionOrder.some((id) => evidenceOf(id).length > 0);
  const keys = trackerColumns.map((c) => c.key).filter((k) => (k !== 'evidence' || hasEvidence) && (k !== 'priority' || hasPriorities));
  const header = keys.map((k) => (k === 'currentScore' ? `Update ${shortMonthYear(period)}` : trackerColumns.find((c) => c.key === k)!.label));
  const review = state.reviews.get(period);
  const preamble = review ? [[review.reviewer, 'Name of Reviewer'], [dottedDate(review.reviewDate), 'Date of Review'], []] : [];
  const colourOf = (score: number | undefined) => (score === undefined ? null : findLevel(state.scheme, score)?.colour ?? null);
  const rows: string[][] = [];
  const colours: Sheet['colours'] = [];
  for (const action of actionsInOrder(state)) {
    const then = entryAt(state, action.actionId, before);
    const now = entryAt(state, action.actionId, period);
    const priority = action.priorityId ? state.priorities.get(action.priorityId) : undefined;
    const cell: Record<TrackerColumn, string> = {
      ref: action.ref,
      priority: priority ? `${priority.number}. ${priority.title}` : '',
      recommendation: action.title,
      lead: leadCell(action.lead),
      previousScore: then ? String(then.score) : '',
      currentScore: now ? String(now.score) : '',
      direction: now?.statedDirection ?? '',
      description: action.description || subActionsCell(action.subActions),
      owners: action.owners.join('; '),
      byWhen: action.dueText,
      progress: now?.update ?? '',
      evidence: evidenceCell(evidenceOf(action.actionId)),
    };
    rows.push(keys.map((k) => cell[k]));
    colours.push({ previous: colourOf(then?.score), current: colourOf(now?.score) });
  }
  return { preamble, header, keys, rows, colours };
}

async function toXlsx(state: PlanState, sheet: Sheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ragtrail';
  const ws = workbook.addWorksheet('Tracker');
  for (const line of sheet.preamble) ws.addRow(line);
  const headerRow = ws.addRow(sheet.header);
  headerRow.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: headerRow.number }];
  const prevCol = sheet.keys.indexOf('previousScore') + 1;
  const currCol = sheet.keys.indexOf('currentScore') + 1;
  sheet.rows.forEach((cells, i) => {
    const row = ws.addRow(cells.map((c, j) => ((j + 1 === prevCol || j + 1 === currCol) && c !== '' ? Number(c) : c)));
    row.alignment = { wrapText: true, vertical: 'top' };
    const fill = (col: number, colour: string | null) => {
      if (colour) row.getCell(col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colour.slice(1).toUpperCase()}` } };
    };
    fill(prevCol, sheet.colours[i]!.previous);
    fill(currCol, sheet.colours[i]!.current);
  });
  sheet.keys.forEach((k, j) => {
    ws.getColumn(j + 1).width = ['recommendation', 'description', 'progress', 'lead', 'priority'].includes(k) ? 50 : 16;
  });
  ws.addRow([]);
  ws.addRow([`${levelKeyPrefix}${state.scheme.levels.map((l) => `${l.value} ${l.label}`).join(', ')} (${state.scheme.name})`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The tracker back out as CSV (quoted multi-line cells, as Excel writes) or XLSX with scheme colours and a frozen header. */
export async function exportTracker(rt: Ragtrail, input: ExportInput): Promise<ExportedFile> {
  const { planId, period, format } = parseInput(ExportInput, input, 'input');
  const state = await rt.loadPlan(planId);
  const sheet = trackerSheet(state, period);
  const fileName = `${slugify(state.title).slice(0, 60)}-${period}.${format}`;
  if (format === 'xlsx')
    return { body: await toXlsx(state, sheet), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName };
  // Formula-looking cells are quoted so a spreadsheet shows them as text; the importer reverses it.
  const body = writeCsv([...sheet.preamble, sheet.header, ...sheet.rows]);
  return { body, contentType: 'text/csv; charset=utf-8', fileName };
}
