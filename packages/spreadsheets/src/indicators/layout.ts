import { CsvImportError } from '../errors.js';
import { matchHeader, normaliseHeader, type ColumnIndex, type ColumnSpec } from '../table/columns.js';
import { periodOfCell } from './periods.js';

export type IndicatorColumn = 'indicator' | 'period' | 'value' | 'authority' | 'source' | 'release';

/** The long layout's columns: one row per indicator and period (and authority, in a benchmarking sheet). */
export const longColumns: readonly ColumnSpec<IndicatorColumn>[] = [
  { key: 'indicator', label: 'Indicator', synonyms: ['indicator', 'indicator id', 'measure', 'kpi'], required: true },
  { key: 'period', label: 'Period', synonyms: ['period', 'time period', 'year', 'month', 'date'], required: true },
  { key: 'value', label: 'Value', synonyms: ['value', 'figure', 'actual', 'result'], required: true },
  { key: 'authority', label: 'Authority', synonyms: ['authority', 'local authority', 'la name', 'la', 'area'], required: false },
  { key: 'source', label: 'Source', synonyms: ['source'], required: false },
  { key: 'release', label: 'Release', synonyms: ['release', 'publication'], required: false },
];

/** The wide layout's fixed columns; every other column whose header is a year or month is a period. */
export const wideColumns: readonly ColumnSpec<IndicatorColumn>[] = longColumns.filter((c) => c.key === 'indicator' || c.key === 'authority').map((c) => ({ ...c, required: false }));

/** Comparator columns recognised by their header; any other is named with a columnMap entry "comparator:NAME". */
const comparatorNames: readonly { name: string; synonyms: readonly string[] }[] = [
  { name: 'statistical neighbours', synonyms: ['statistical neighbours', 'statistical neighbour', 'statistical neighbours average', 'stat neighbours', 'sn average', 'sn avg', 'sn'] },
  { name: 'England', synonyms: ['england', 'england average', 'national', 'national average'] },
  { name: 'region', synonyms: ['region', 'regional', 'regional average'] },
];

export const COMPARATOR_PREFIX = 'comparator:';

/** A comparator as the file names it ("Statistical neighbours", "SN average"), under one name however it is written. */
export const comparatorName = (text: string): string => comparatorNames.find((c) => c.synonyms.includes(normaliseHeader(text)))?.name ?? text.trim();

/** Checks each columnMap target names a column of the layout or a comparator, before any row is read. */
export function checkIndicatorColumnMap(fileName: string, specs: readonly ColumnSpec<IndicatorColumn>[], columnMap: Record<string, string>): void {
  for (const [header, target] of Object.entries(columnMap)) {
    if (target.startsWith(COMPARATOR_PREFIX) && target.slice(COMPARATOR_PREFIX.length).trim() !== '') continue;
    if (specs.some((s) => s.key === target || normaliseHeader(s.label) === normaliseHeader(target))) continue;
    throw new CsvImportError({ fileName }, `expected columnMap to map "${header}" to one of ${specs.map((s) => s.key).join(', ')} or "comparator:NAME", not "${target}"`, 'column-map');
  }
}

export interface IndicatorHeader {
  row: number;
  index: ColumnIndex<IndicatorColumn>;
  /** column -> comparator name */
  comparators: Map<number, string>;
  /** column -> period (wide layout) */
  periods: Map<number, string>;
}

function comparatorColumns(header: readonly string[], columnMap: Record<string, string>, used: Set<number>): Map<number, string> {
  const mapped = new Map(Object.entries(columnMap).map(([h, target]) => [normaliseHeader(h), target]));
  const out = new Map<number, string>();
  header.forEach((cell, i) => {
    if (used.has(i)) return;
    const h = normaliseHeader(cell);
    const target = mapped.get(h);
    if (target?.startsWith(COMPARATOR_PREFIX)) out.set(i, target.slice(COMPARATOR_PREFIX.length).trim());
    else if (target === undefined) {
      const known = comparatorNames.find((c) => c.synonyms.includes(h));
      if (known) out.set(i, known.name);
    }
  });
  return out;
}

const fixedMap = (columnMap: Record<string, string>) => Object.fromEntries(Object.entries(columnMap).filter(([, t]) => !t.startsWith(COMPARATOR_PREFIX)));

/** The header row of a long layout within the first 30 rows, or null. */
export function findLongHeader(rows: readonly string[][], columnMap: Record<string, string>): IndicatorHeader | null {
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    const index = matchHeader(rows[r]!, longColumns, fixedMap(columnMap));
    if (!index) continue;
    const used = new Set(Object.values(index).filter((v): v is number => typeof v === 'number'));
    return { row: r, index, comparators: comparatorColumns(index.header, columnMap, used), periods: new Map() };
  }
  return null;
}

/** The header row of a wide layout: one naming at least one period column (a year, "2017-18", a month). */
export function findWideHeader(rows: readonly string[][], columnMap: Record<string, string>, yearEnd: string): IndicatorHeader | null {
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    const index = matchHeader(rows[r]!, wideColumns, fixedMap(columnMap))!;
    const used = new Set(Object.values(index).filter((v): v is number => typeof v === 'number'));
    const periods = new Map<number, string>();
    index.header.forEach((cell, i) => {
      const p = used.has(i) ? null : periodOfCell(cell, yearEnd);
      if (p) periods.set(i, p);
    });
    if (periods.size > 0 && (index.indicator !== undefined || index.authority !== undefined)) return { row: r, index, comparators: new Map(), periods };
  }
  return null;
}
