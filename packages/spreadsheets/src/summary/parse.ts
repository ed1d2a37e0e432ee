import { z } from 'zod';
import type { ScoringScheme } from '@ragtrail/core';
import { CsvImportError } from '../errors.js';
import { parseMonthYear } from '../dates.js';
import type { Table } from '../table/read-table.js';

export const SummaryPriority = z.object({
  row: z.number().int().min(1),
  number: z.number().int().min(1),
  title: z.string().min(1),
  previous: z.number(),
  current: z.number(),
});
export const SummarySheet = z.object({
  priorities: z.array(SummaryPriority).min(1),
  overall: z.object({ previous: z.number(), current: z.number() }).nullable(),
  /** Months named by the "Previous period" / "Current period" headers, when they name one. */
  periods: z.object({ previous: z.string().nullable(), current: z.string().nullable() }),
});
export type SummarySheet = z.infer<typeof SummarySheet>;

const figure = String.raw`(\d+(?:\.\d+)?)`;

/**
 * Reads a RAG summary however it was laid out: a table (seed 000: title, previous, current per
 * row) or text extracted from a PDF where titles wrap over lines (seed 002). The cells are read as
 * one text with row offsets kept, so figures are found after their priority's title either way
 * and errors still name the row.
 */
export function parseSummary(table: Table, scheme: ScoringScheme): SummarySheet {
  const { fileName } = table;
  const rowStarts: number[] = [];
  let text = '';
  for (const cells of table.rows) {
    rowStarts.push(text.length);
    text += `${cells.join(' ').replace(/[|\s]+/g, ' ').trim()} `;
  }
  const rowAt = (offset: number) => {
    let r = 0;
    while (r + 1 < rowStarts.length && rowStarts[r + 1]! <= offset) r++;
    return r + 1;
  };

  const header = /previous period\s+current period/gi;
  const headers = [...text.matchAll(header)];
  const monthHeader = [...text.matchAll(/(?:^|\s)([A-Z][a-z]+\.? '?\d{2,4})\s+([A-Z][a-z]+\.? '?\d{2,4})(?=\s)/g)]
    .find((m) => parseMonthYear(m[1]!) !== null && parseMonthYear(m[2]!) !== null) ?? null;
  const listStart = headers.length ? headers[headers.length - 1]!.index + headers[headers.length - 1]![0].length : monthHeader ? monthHeader.index + monthHeader[0].length : -1;
  if (listStart < 0)
    throw new CsvImportError({ fileName }, 'expected a header naming the two periods ("Previous period  Current period" or months such as "March 2018  April 2018")', 'header-row');

  const item = new RegExp(String.raw`\s*(?:(\d+)\.\s+)?([^\d\s][^]*?)\s+${figure}\s+${figure}(?=\s|$)`, 'y');
  item.lastIndex = listStart;
  const priorities: z.infer<typeof SummaryPriority>[] = [];
  const min = Math.min(...scheme.levels.map((l) => l.value));
  const max = Math.max(...scheme.levels.map((l) => l.value));
  for (let m = item.exec(text); m; m = item.exec(text)) {
    // A "title" of a whole page is prose that happens to end in two numbers, not a priority.
    if (m[2]!.length > 400) break;
    const row = rowAt(m.index + m[0].length - 1);
    const number = m[1] ? Number(m[1]) : priorities.length + 1;
    const [previous, current] = [Number(m[3]), Number(m[4])];
    for (const [value, column] of [[previous, 'Previous period'], [current, 'Current period']] as const)
      if (value < min || value > max)
        throw new CsvImportError({ fileName, row, column }, `expected a figure between ${min} and ${max} (the scheme "${scheme.name}"), found ${value}`, 'figure-range');
    if (number !== priorities.length + 1)
      throw new CsvImportError({ fileName, row }, `expected priority ${priorities.length + 1} next, found priority ${number}`, 'priority-order');
    priorities.push({ row, number, title: m[2]!.replace(/\s+/g, ' ').trim(), previous, current });
  }
  if (priorities.length === 0)
    throw new CsvImportError({ fileName, row: rowAt(listStart) }, 'expected priorities under the header, each a title followed by its previous and current figures', 'rows');

  const before = text.slice(0, headers[0]?.index ?? listStart);
  const labelled = new RegExp(String.raw`RAG Summary of all areas[^\d]*${figure}\s+${figure}`, 'i').exec(text);
  const leading = new RegExp(String.raw`^\s*${figure}\s+${figure}\s`).exec(before);
  const pair = labelled ?? leading;
  return {
    priorities,
    overall: pair ? { previous: Number(pair[1]), current: Number(pair[2]) } : null,
    periods: { previous: monthHeader ? parseMonthYear(monthHeader[1]!) : null, current: monthHeader ? parseMonthYear(monthHeader[2]!) : null },
  };
}
