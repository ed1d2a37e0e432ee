import { z } from 'zod';
import { Lead, StatedDirection, SubAction, type ScoringScheme } from '@ragtrail/core';
import { CsvImportError } from '../errors.js';
import { parseDayMonthYear, parseMonthYear } from '../dates.js';
import { cellOf, checkColumnMap, columnAt, columnLetter, matchHeader, missingColumns, normaliseHeader, unrecognisedHeaders, type ColumnIndex } from '../table/columns.js';
import { isBlankRow, type Table } from '../table/read-table.js';
import { levelKeyPrefix, preambleLabels, trackerColumns, type TrackerColumn } from './layout.js';
import { parseDirection, splitLead, splitOwners, splitSubActions } from './cells.js';
import { EvidenceItem, parseEvidenceCell } from './evidence-cell.js';
import { CarriedMention, carriedMention } from './carried-mention.js';

/** One recommendation line as read from the sheet, with the row it came from for messages. */
export const TrackerLine = z.object({
  row: z.number().int().min(1),
  ref: z.string().min(1),
  priority: z.object({ number: z.number().int().min(1), title: z.string() }).nullable(),
  title: z.string().min(1),
  lead: Lead.nullable(),
  previousScore: z.number().int().nullable(),
  currentScore: z.number().int().nullable(),
  direction: StatedDirection.nullable(),
  description: z.string(),
  subActions: z.array(SubAction),
  owners: z.array(z.string()),
  byWhen: z.string(),
  progress: z.string().nullable(),
  evidence: z.array(EvidenceItem),
  /** The inspection recommendation the line says it carries ("... (Ofsted 14)"), and the cell that says so. */
  carries: CarriedMention.nullable(),
});
export type TrackerLine = z.infer<typeof TrackerLine>;

export const TrackerSheet = z.object({
  reviewer: z.string().nullable(),
  reviewDate: z.string().nullable(),
  /** The period the update column is about ("Update April 17" -> 2017-04). */
  period: z.string(),
  lines: z.array(TrackerLine),
  warnings: z.array(z.string()),
});
export type TrackerSheet = z.infer<typeof TrackerSheet>;

export interface TrackerParseOptions {
  scheme: ScoringScheme;
  columnMap?: Record<string, string>;
  /** Prefix for bare numbers in the "No." column: 1 -> "Ofsted 1". */
  refPrefix?: string;
  /** The update period when the header does not name one. */
  period?: string;
}

function readPreamble(table: Table, upTo: number) {
  let reviewer: string | null = null;
  let reviewDate: string | null = null;
  for (let r = 0; r < upTo; r++) {
    const cells = table.rows[r] ?? [];
    const labelAt = (labels: readonly string[]) => cells.findIndex((c) => labels.includes(normaliseHeader(c)));
    const valueAt = (labelIndex: number) => cells.findIndex((c, i) => i !== labelIndex && c !== '');
    const value = (labelIndex: number) => cells[valueAt(labelIndex)] ?? null;
    const ri = labelAt(preambleLabels.reviewer);
    if (ri >= 0 && reviewer === null) reviewer = value(ri);
    const di = labelAt(preambleLabels.reviewDate);
    if (di >= 0 && reviewDate === null) {
      const text = value(di);
      if (text !== null) {
        reviewDate = parseDayMonthYear(text) ?? (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null);
        if (reviewDate === null)
          throw new CsvImportError({ fileName: table.fileName, row: r + 1, column: 'Date of Review', letter: columnLetter(valueAt(di)) }, `expected a date such as 28.4.17 or 2017-04-28, found "${text}"`, 'date');
      }
    }
  }
  return { reviewer, reviewDate };
}

/**
 * A score cell: the level's number ("3", "3.0"), its label as the scheme names it ("Green",
 * "completed"), or both as drop-downs often write them ("3 - Green", "Green (3)"), where the two
 * must agree.
 */
function parseScore(table: Table, row: number, index: ColumnIndex<TrackerColumn>, key: 'previousScore' | 'currentScore', scheme: ScoringScheme): number | null {
  const text = cellOf(table.rows[row - 1]!, index, key);
  if (text === '') return null;
  const at = { fileName: table.fileName, row, ...columnAt(index, key) };
  const levels = scheme.levels.map((l) => `${l.value} ${l.label}`).join(', ');
  const byLabel = (label: string) => scheme.levels.find((l) => normaliseHeader(l.label) === normaliseHeader(label));
  const both = /^(\d+)\s*[-–:=]\s*(.+)$/.exec(text);
  const labelFirst = /^(.+?)\s*\((\d+)\)$/.exec(text);
  const number = /^-?\d+(\.0+)?$/.test(text) ? Number(text) : both ? Number(both[1]) : labelFirst ? Number(labelFirst[2]) : null;
  const label = both ? both[2]! : labelFirst ? labelFirst[1]! : number === null ? text : null;
  const named = label === null ? undefined : byLabel(label);
  if (label !== null && !named)
    throw new CsvImportError(at, `expected a score of the scheme "${scheme.name}" (${levels}) as its number or label, found "${text}"`, 'score');
  if (number !== null && !scheme.levels.some((l) => l.value === number))
    throw new CsvImportError(at, `expected a score of the scheme "${scheme.name}" (${levels}), found ${number}`, 'scheme-level');
  if (named && number !== null && named.value !== number)
    throw new CsvImportError(at, `expected the number and label of one level of the scheme "${scheme.name}" (${levels}), found "${text}"`, 'score');
  return number ?? named!.value;
}

function parsePriority(text: string): { number: number; title: string } | null {
  const m = /^(?:priority\s*)?(\d+)[.:)]?\s*(.*)$/is.exec(text.trim());
  return m ? { number: Number(m[1]), title: m[2]!.trim() } : null;
}

/** Does a worksheet hold the tracker (a header row naming its required columns)? Picks the sheet of a workbook. */
export const holdsTracker = (columnMap?: Record<string, string>) => (rows: string[][]) => rows.some((r) => matchHeader(r, trackerColumns, columnMap) !== null);

/** Reads the tracker layout: preamble, then header rows that may repeat between blocks of lines. */
export function parseTracker(table: Table, options: TrackerParseOptions): TrackerSheet {
  const { fileName } = table;
  checkColumnMap(fileName, trackerColumns, options.columnMap);
  const warnings: string[] = [];
  const headerAt: number[] = [];
  let index: ColumnIndex<TrackerColumn> | null = null;
  let best: string[] | undefined;
  const lines: TrackerLine[] = [];
  const seen = new Map<string, number>();
  let period: string | null = null;

  table.rows.forEach((cells, i) => {
    const row = i + 1;
    const header = matchHeader(cells, trackerColumns, options.columnMap);
    if (header) {
      if (headerAt.length === 0)
        for (const h of unrecognisedHeaders(header))
          warnings.push(`${fileName} row ${row}: column "${h}" is not one the tracker knows and was not imported; to import it, pass columnMap { "${h}": "<column>" }`);
      headerAt.push(row);
      index = header;
      const updateHeader = header.header[header.currentScore!] ?? '';
      const named = parseMonthYear(updateHeader);
      if (named !== null && period !== null && named !== period)
        throw new CsvImportError({ fileName, row, ...columnAt(header, 'currentScore') }, `expected every header row to name the same update month as the first (${period})`, 'one-period');
      period ??= named;
      return;
    }
    if (!best && cells.filter(Boolean).length >= 3) best = cells;
    if (!index || isBlankRow(cells)) return;
    const idx: ColumnIndex<TrackerColumn> = index;
    const ref = cellOf(cells, idx, 'ref');
    const title = cellOf(cells, idx, 'recommendation');
    if (cells.filter(Boolean).length <= 1 && (ref === '' || title === '')) {
      if (cells[0]?.startsWith(levelKeyPrefix)) return;
      warnings.push(`${fileName} row ${row}: note outside the table skipped ("${cells.find(Boolean)}")`);
      return;
    }
    if (ref === '') throw new CsvImportError({ fileName, row, ...columnAt(idx, 'ref') }, 'expected the recommendation number (e.g. 1) or reference (e.g. "Ofsted 1")', 'ref');
    if (title === '') throw new CsvImportError({ fileName, row, ...columnAt(idx, 'recommendation') }, 'expected the recommendation text', 'title');
    const fullRef = /^\d+$/.test(ref) ? `${options.refPrefix ?? 'Ofsted'} ${Number(ref)}` : ref;
    const earlier = seen.get(fullRef.toLowerCase());
    if (earlier !== undefined)
      throw new CsvImportError({ fileName, row, ...columnAt(idx, 'ref') }, `expected each recommendation once; ${fullRef} is already on row ${earlier}`, 'ref-unique');
    seen.set(fullRef.toLowerCase(), row);
    const directionText = cellOf(cells, idx, 'direction');
    const direction = parseDirection(directionText);
    if (direction === undefined)
      throw new CsvImportError({ fileName, row, ...columnAt(idx, 'direction') }, `expected a direction of travel (Improving, Maintained or Declining), found "${directionText}"`, 'direction');
    const priorityText = cellOf(cells, idx, 'priority');
    const priority = priorityText ? parsePriority(priorityText) : null;
    if (priorityText && !priority)
      throw new CsvImportError({ fileName, row, ...columnAt(idx, 'priority') }, `expected a priority number such as "1" or "1. Recruiting ...", found "${priorityText}"`, 'priority');
    const description = cellOf(cells, idx, 'description');
    const evidence = parseEvidenceCell(cellOf(cells, idx, 'evidence'));
    if ('bad' in evidence)
      throw new CsvImportError(
        { fileName, row, ...columnAt(idx, 'evidence') },
        `expected each piece of evidence as "Title <link>" or "Title <sha256:HEX>", optionally followed by "(kind, observed 2018-03-31)", found "${evidence.bad}"`,
        'evidence-link',
      );
    lines.push({
      row, ref: fullRef, priority, title, lead: splitLead(cellOf(cells, idx, 'lead')),
      previousScore: parseScore(table, row, idx, 'previousScore', options.scheme),
      currentScore: parseScore(table, row, idx, 'currentScore', options.scheme),
      direction, description, subActions: splitSubActions(description),
      owners: splitOwners(cellOf(cells, idx, 'owners')),
      byWhen: cellOf(cells, idx, 'byWhen'),
      progress: idx.progress === undefined ? null : cellOf(cells, idx, 'progress'),
      evidence: evidence.items,
      carries: carriedMention(fullRef, [{ text: title, ...columnAt(idx, 'recommendation') }, { text: description, ...columnAt(idx, 'description') }]),
    });
  });

  if (headerAt.length === 0) missingColumns(fileName, trackerColumns, best);
  const resolved = period ?? options.period ?? null;
  const { reviewer, reviewDate } = readPreamble(table, headerAt[0]! - 1);
  const finalPeriod = resolved ?? (reviewDate ? reviewDate.slice(0, 7) : null);
  if (finalPeriod === null)
    throw new CsvImportError({ fileName, row: headerAt[0]!, column: 'Update <Month YY>' }, 'expected the update column to name its month ("Update April 17"), a "Date of Review" in the preamble, or a period option', 'period');
  if (lines.length === 0) throw new CsvImportError({ fileName, row: headerAt[0]! + 1 }, 'expected at least one recommendation under the header row', 'rows');
  return { reviewer, reviewDate, period: finalPeriod, lines, warnings };
}
