import ExcelJS from 'exceljs';
import type { PlanState } from '@ragtrail/core';
import { levelName, type BoardModel, type EvidenceModel } from './model.js';
import { headerLines } from './markdown.js';
import { integrityWarningText } from './integrity-warning.js';

// Cells as a person opening the workbook reads them: scores are whole numbers, averages keep the
// decimals the other formats print (one, more only when two figures would print alike), and dates
// are dates a spreadsheet can sort and filter, not text.

export const integerFormat = '0';
export const dateFormat = 'yyyy-mm-dd';
export const dateTimeFormat = 'yyyy-mm-dd hh:mm:ss';
export const averageFormat = (decimals: number): string => `0.${'0'.repeat(Math.max(1, decimals))}`;
/** An indicator's figures show the decimal places the indicator was defined with (0 -> whole numbers). */
export const decimalsFormat = (decimals: number): string => (decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');

/** Workbook dates come from the instant the report reflects (the one its header names), so the same log gives the same file. */
export const reflectedDate = (m: BoardModel | EvidenceModel): Date => new Date(m.reflected.at);

export function workbook(m: BoardModel | EvidenceModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const at = reflectedDate(m);
  wb.created = at;
  wb.modified = at;
  wb.creator = 'ragtrail';
  wb.lastModifiedBy = 'ragtrail';
  return wb;
}

function colour(state: PlanState, cell: ExcelJS.Cell, figure: number | null): void {
  const l = levelName(state, figure);
  if (!l) return;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${l.colour.slice(1).toUpperCase()}` } };
  cell.note = l.label;
}

/** A single action's score: a whole number with its level's colour, as recorded. */
export function scoreCell(state: PlanState, cell: ExcelJS.Cell, score: number | null): void {
  cell.value = score === null ? 'not scored' : score;
  if (score !== null) cell.numFmt = integerFormat;
  colour(state, cell, score);
}

/** An average as the other formats print it: the value rounded to `decimals` (from the core's displayPair), shown with as many. */
export function averageCell(state: PlanState, cell: ExcelJS.Cell, figure: number | null, decimals: number): void {
  cell.value = figure === null ? 'not scored' : Number(figure.toFixed(decimals));
  if (figure !== null) cell.numFmt = averageFormat(decimals);
  colour(state, cell, figure);
}

/** An indicator's figure as recorded (never rounded: the format rounds only what is shown), or an empty cell when there is none. */
export function indicatorValueCell(cell: ExcelJS.Cell, value: number | null | undefined, decimals: number): void {
  if (value === null || value === undefined) return;
  cell.value = value;
  cell.numFmt = decimalsFormat(decimals);
}

/** A calendar day (YYYY-MM-DD) as a date cell; ExcelJS stores dates as UTC serials, so the day does not move. */
export function dateCell(cell: ExcelJS.Cell, day: string): void {
  cell.value = new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
  cell.numFmt = dateFormat;
}

export function dateTimeCell(cell: ExcelJS.Cell, instant: string): void {
  cell.value = new Date(instant);
  cell.numFmt = dateTimeFormat;
}

/** A link cell: clickable for the schemes a reader can follow safely, plain text otherwise. */
export function linkCell(cell: ExcelJS.Cell, link: string | null): void {
  cell.value = link === null ? '' : /^(https?:\/\/|mailto:)/i.test(link) ? { text: link, hyperlink: link } : link;
}

export function headerSheet(wb: ExcelJS.Workbook, m: BoardModel | EvidenceModel, kind: string): void {
  const ws = wb.addWorksheet('About');
  // A broken log is the first thing a reader of the workbook sees, as in the other formats.
  const warning = integrityWarningText(m.integrity);
  if (warning !== null) ws.addRow([warning]).font = { bold: true, color: { argb: 'FFD4351C' } };
  for (const line of headerLines(m, kind)) if (line) ws.addRow([line.replace(/^[#-] ?#* ?/, '')]);
  ws.getColumn(1).width = 100;
}

export const bold = (row: ExcelJS.Row): void => void (row.font = { bold: true });
