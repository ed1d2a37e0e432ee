import { z } from 'zod';
import { parseInput, type Caller, type OutcomeCommandOf, type Ragtrail } from '@ragtrail/core';
import { CsvImportError } from '../errors.js';
import { columnLetter } from '../table/columns.js';
import { FileInput } from '../table/read-table.js';
import { checkIndicatorColumnMap, comparatorName, findLongHeader, findWideHeader, longColumns, type IndicatorHeader } from './layout.js';
import { periodOfCell } from './periods.js';
import { readRows } from './read-rows.js';
import { numberOfCell } from './values.js';

/** A cell as read (delimited rows come untrimmed). */
const at = (cells: readonly string[], i: number | undefined): string => (i === undefined ? '' : (cells[i] ?? '').trim());
const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

export const IndicatorImportInput = FileInput.extend({
  planId: z.string().trim().min(1, 'must name the plan whose indicators these are'),
  /** long: one row per indicator and period; wide: one row per indicator or authority, one column per year. Default: whichever the header shows. */
  layout: z.enum(['long', 'wide']).optional(),
  /** Your header -> our column (indicator, period, value, authority, source, release) or "comparator:NAME". */
  columnMap: z.record(z.string(), z.string()).optional(),
  /** With an authority column: the authority whose values these are, as the file writes it; other rows are comparators (wide) or not read (long). */
  authority: z.string().trim().min(1).optional(),
  /** The wide layout without an indicator column (one indicator per sheet, as the DfE's tool exports): its id or name. */
  indicator: z.string().trim().min(1).optional(),
  /** The month a bare year ("2018") or a financial year ("2017-18") stands for. */
  yearEnd: z.string().regex(/^(0[1-9]|1[0-2])$/, 'must be a month number, 01-12').default('03'),
  source: z.string().trim().optional(),
  release: z.string().trim().optional(),
});
export type IndicatorImportInput = z.input<typeof IndicatorImportInput>;

export interface IndicatorImportResult {
  planId: string;
  events: number;
  /** Values recorded now. */
  recorded: number;
  /** Values the plan already held with the same figure (an import run twice changes nothing). */
  unchanged: number;
  warnings: string[];
}

type Row = { row: number; indicatorId: string; period: string; value: number; source?: string; release?: string; comparators: { name: string; value: number }[] };

/**
 * Imports indicator values (and the comparators published with them) from CSV or XLSX into a
 * plan's outcome stream, all or nothing: every indicator must be defined already, a period is
 * recorded once (a value the plan holds with the same figure is skipped, a different one is
 * refused: that is a correction with a reason), and the file's rows are read within the
 * package's read limits.
 */
export async function importIndicators(rt: Ragtrail, input: IndicatorImportInput, caller: Caller): Promise<IndicatorImportResult> {
  const o = parseInput(IndicatorImportInput, input, 'input');
  const columnMap = o.columnMap ?? {};
  checkIndicatorColumnMap(o.fileName, longColumns, columnMap);
  const known = (await rt.indicators(o.planId)).indicators;
  const byKey = new Map<string, (typeof known)[number]>();
  for (const i of known) byKey.set(i.name.trim().toLowerCase(), i);
  for (const i of known) byKey.set(i.id.toLowerCase(), i);

  const table = await readRows(o);
  const { fileName, rows } = table;
  const long = o.layout !== 'wide' ? findLongHeader(rows, columnMap) : null;
  const wide = long === null && o.layout !== 'long' ? findWideHeader(rows, columnMap, o.yearEnd) : null;
  const header = long ?? wide;
  if (!header)
    throw new CsvImportError({ fileName }, o.layout === 'wide'
      ? 'expected a header row with an Indicator or Authority column and one column per year ("2017", "2017-18") or month'
      : 'expected a header row naming the columns "Indicator", "Period" and "Value" (long layout), or an Indicator column and one column per year (wide layout); rename the headers or pass columnMap', 'header-row');
  if (header.index.authority !== undefined && o.authority === undefined)
    throw new CsvImportError({ fileName, column: header.index.header[header.index.authority] ?? 'Authority' }, 'expected the option authority: the file holds several authorities, so name yours as the file writes it', 'authority');

  const indicatorOf = (cell: string, row: number, column: string, letter?: string) => {
    const found = byKey.get(cell.trim().toLowerCase());
    if (!found) throw new CsvImportError({ fileName, row, column, ...(letter ? { letter } : {}) }, `expected an indicator of plan ${o.planId} (${known.map((k) => k.id).join(', ') || 'none defined yet: define them first'}), found "${cell}"`, 'indicator-exists');
    return found;
  };
  const parsed = long ? longRows(rows, header, o, indicatorOf, fileName) : wideRows(rows, header, o, indicatorOf, fileName);

  const commands: OutcomeCommandOf[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  for (const r of parsed) {
    const key = `${r.indicatorId}\u0000${r.period}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new CsvImportError({ fileName, row: r.row }, `expected one value of ${r.indicatorId} for ${r.period}; row ${earlier} already gives one`, 'one-value-per-period');
    seen.set(key, r.row);
    const held = known.find((k) => k.id === r.indicatorId)!.series.find((s) => s.period === r.period);
    if (held) {
      if (held.value === r.value) { unchanged++; continue; }
      throw new CsvImportError({ fileName, row: r.row }, `expected ${r.value} to match the ${held.value} the plan holds for ${r.indicatorId} ${r.period}: a restated value is a correction with a reason (indicator correct)`, 'recorded-once');
    }
    const source = r.source || o.source;
    const release = r.release || o.release;
    commands.push({ type: 'RecordIndicatorValue', data: { indicator: r.indicatorId, period: r.period, value: r.value, comparators: r.comparators, ...(source ? { source } : {}), ...(release ? { release } : {}) } });
  }
  const result = commands.length === 0 ? { events: [] } : await rt.executeOutcomes(o.planId, commands, caller);
  const warnings = parsed.length === 0 ? [`${fileName}: no values found${o.authority ? ` for ${o.authority}` : ''}`] : [];
  return { planId: o.planId, events: result.events.length, recorded: commands.length, unchanged, warnings };
}

type Resolve = (cell: string, row: number, column: string, letter?: string) => { id: string };
type Options = z.output<typeof IndicatorImportInput>;

function longRows(rows: readonly string[][], h: IndicatorHeader, o: Options, indicatorOf: Resolve, fileName: string): Row[] {
  const { index } = h;
  const own = o.authority?.toLowerCase();
  const out: Row[] = [];
  const col = (i: number | undefined) => (i === undefined ? '' : index.header[i] ?? '');
  for (let r = h.row + 1; r < rows.length; r++) {
    const cells = rows[r]!;
    // A benchmarking sheet holds every authority: only ours is read, and that test comes first.
    if (own !== undefined && index.authority !== undefined && at(cells, index.authority).toLowerCase() !== own) continue;
    const indicatorCell = at(cells, index.indicator);
    if (indicatorCell === '' && blank(cells)) continue;
    const line = r + 1;
    const period = periodOfCell(at(cells, index.period), o.yearEnd);
    if (period === null) throw new CsvImportError({ fileName, row: line, column: col(index.period), letter: columnLetter(index.period!) }, `expected a period (2018-03, March 2018, 2018 or 2017-18), found "${cells[index.period!] ?? ''}"`, 'period');
    const value = numberOfCell(cells[index.value!] ?? '');
    if (value === undefined) throw new CsvImportError({ fileName, row: line, column: col(index.value), letter: columnLetter(index.value!) }, `expected a number, found "${cells[index.value!]}"`, 'number');
    if (value === null) continue;
    const comparators: Row['comparators'] = [];
    for (const [i, name] of h.comparators) {
      const v = numberOfCell(cells[i] ?? '');
      if (v === undefined) throw new CsvImportError({ fileName, row: line, column: col(i), letter: columnLetter(i) }, `expected a number, found "${cells[i]}"`, 'number');
      if (v !== null) comparators.push({ name, value: v });
    }
    out.push({
      row: line, indicatorId: indicatorOf(indicatorCell, line, col(index.indicator), columnLetter(index.indicator!)).id, period, value, comparators,
      ...(index.source !== undefined ? { source: at(cells, index.source) } : {}), ...(index.release !== undefined ? { release: at(cells, index.release) } : {}),
    });
  }
  return out;
}

/** Wide: a row per indicator (or per authority, for one indicator); other authorities' rows become comparators of the same cells. */
function wideRows(rows: readonly string[][], h: IndicatorHeader, o: Options, indicatorOf: Resolve, fileName: string): Row[] {
  const { index } = h;
  if (index.indicator === undefined && o.indicator === undefined)
    throw new CsvImportError({ fileName }, 'expected an Indicator column, or the option indicator naming the one indicator the sheet holds', 'indicator');
  const own = o.authority?.toLowerCase();
  const values = new Map<string, Row>();
  const others: { key: string; name: string; value: number }[] = [];
  for (let r = h.row + 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (blank(cells)) continue;
    const line = r + 1;
    const indicatorCell = index.indicator === undefined ? o.indicator! : at(cells, index.indicator);
    if (indicatorCell === '') continue;
    const indicatorId = indicatorOf(indicatorCell, line, index.indicator === undefined ? 'indicator' : index.header[index.indicator] ?? '', index.indicator === undefined ? undefined : columnLetter(index.indicator)).id;
    const authority = at(cells, index.authority);
    const ours = own === undefined || authority.toLowerCase() === own;
    for (const [i, period] of h.periods) {
      const v = numberOfCell(cells[i] ?? '');
      if (v === undefined) throw new CsvImportError({ fileName, row: line, column: index.header[i] ?? '', letter: columnLetter(i) }, `expected a number, found "${cells[i]}"`, 'number');
      if (v === null) continue;
      const key = `${indicatorId}\u0000${period}`;
      if (ours) {
        if (values.has(key)) throw new CsvImportError({ fileName, row: line }, `expected one value of ${indicatorId} for ${period}; row ${values.get(key)!.row} already gives one`, 'one-value-per-period');
        values.set(key, { row: line, indicatorId, period, value: v, comparators: [] });
      } else others.push({ key, name: comparatorName(authority), value: v });
    }
  }
  for (const c of others) values.get(c.key)?.comparators.push({ name: c.name, value: c.value });
  return [...values.values()];
}
