import { CsvImportError } from '../errors.js';

/** Header text compared without case, spacing or punctuation: "Owner(s) - Who" ~ "owners who". */
export const normaliseHeader = (text: string) => text.toLowerCase().replace(/\(s\)/g, 's').replace(/[^a-z0-9]+/g, ' ').trim();

export interface ColumnSpec<K extends string> {
  key: K;
  /** What the column is called in messages. */
  label: string;
  /** Normalised header prefixes that name this column. */
  synonyms: readonly string[];
  required: boolean;
}

export type ColumnIndex<K extends string> = Partial<Record<K, number>> & { header: string[] };

/**
 * Longer than any header a layout or a columnMap names: such a cell is a description, not a column
 * name, and is not normalised (every row of a 100,000-row file is asked whether it is the header).
 */
export const MAX_HEADER_LENGTH = 200;

/** Does this row look like the table's header row (it names every required column)? */
export function matchHeader<K extends string>(
  row: readonly string[],
  specs: readonly ColumnSpec<K>[],
  columnMap: Record<string, string> = {},
): ColumnIndex<K> | null {
  const entries = Object.entries(columnMap);
  const mapped = entries.length === 0 ? undefined : new Map(entries.map(([header, key]) => [normaliseHeader(header), key]));
  const index = { header: [...row] } as ColumnIndex<K>;
  row.forEach((cell, i) => {
    if (cell.length > MAX_HEADER_LENGTH) return;
    const h = normaliseHeader(cell);
    if (!h) return;
    const explicit = mapped?.get(h);
    const spec = explicit !== undefined
      ? specs.find((s) => s.key === explicit || normaliseHeader(s.label) === normaliseHeader(explicit))
      : specs.find((s) => s.synonyms.some((syn) => h === syn || h.startsWith(`${syn} `)));
    if (spec && index[spec.key] === undefined) (index as Record<string, unknown>)[spec.key] = i;
  });
  return specs.every((s) => !s.required || index[s.key] !== undefined) ? index : null;
}

/**
 * Refuses a columnMap entry that points at no column of the layout, rather than ignoring it and
 * leaving the user to wonder why their mapped column did not come in.
 */
export function checkColumnMap<K extends string>(fileName: string, specs: readonly ColumnSpec<K>[], columnMap: Record<string, string> = {}): void {
  for (const [header, target] of Object.entries(columnMap)) {
    if (specs.some((s) => s.key === target || normaliseHeader(s.label) === normaliseHeader(target))) continue;
    throw new CsvImportError(
      { fileName },
      `expected columnMap to map "${header}" to one of the columns ${specs.map((s) => `${s.key} ("${s.label}")`).join(', ')}, not "${target}"`,
      'column-map',
    );
  }
}

/** The header cells that name no column (and so are not imported), for a warning that suggests columnMap. */
export function unrecognisedHeaders<K extends string>(index: ColumnIndex<K>): string[] {
  const used = new Set<unknown>(Object.values(index).filter((i) => typeof i === 'number'));
  return index.header.filter((h, i) => h.trim() !== '' && !used.has(i));
}

/** Fails naming the required columns the file does not have, so the user can map them. */
export function missingColumns<K extends string>(fileName: string, specs: readonly ColumnSpec<K>[], best: readonly string[] | undefined): never {
  const header = best ?? [];
  const names = specs.filter((s) => s.required).map((s) => `"${s.label}"`).join(', ');
  throw new CsvImportError(
    { fileName },
    `expected a header row naming the columns ${names}${header.length ? `; the nearest row found has ${header.filter(Boolean).map((h) => `"${h}"`).join(', ')}` : ''}. Rename the headers or pass columnMap { "<your header>": "<column>" }`,
    'header-row',
  );
}

/** Where a column of the index is, for an error: its header text and letter. */
export const columnAt = <K extends string>(index: ColumnIndex<K>, key: K): { column: string; letter?: string } => {
  const i = index[key];
  return i === undefined ? { column: key } : { column: index.header[i] || key, letter: columnLetter(i) };
};

export const cellOf = <K extends string>(row: readonly string[], index: ColumnIndex<K>, key: K): string => {
  const i = index[key];
  return i === undefined ? '' : (row[i] ?? '').trim();
};

/** A column's letter as a spreadsheet shows it: 0 -> A, 26 -> AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
