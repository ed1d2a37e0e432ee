import { CsvImportError } from '../errors.js';

/** Header text compared without case, spacing or punctuation: "Owner(s) - Who" ~ "owners who". */
export const normaliseHeader = (text: string) => normalisedStart(text, Infinity);

/**
 * The first `upTo` characters of a cell's normalised text (or all of it, if shorter). Every cell
 * of every row is asked whether it is a header, and a synonym is a prefix of a few words: ASCII
 * text (nearly all of it) is read once, and only as far as a synonym could reach. Other text takes
 * the regular expressions, whose lower-casing is Unicode's.
 */
function normalisedStart(text: string, upTo: number): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < text.length && out.length < upTo; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return normaliseAnyText(text).slice(0, upTo);
    if (c >= 65 && c <= 90) c += 32;
    if (c === 40 && (text.charCodeAt(i + 1) | 32) === 115 && text.charCodeAt(i + 2) === 41) {
      c = 115;
      i += 2;
    }
    if (isWordCode(c)) {
      if (gap && out !== '') out += ' ';
      gap = false;
      out += String.fromCharCode(c);
    } else gap = true;
  }
  return out.length > upTo ? out.slice(0, upTo) : out;
}

const normaliseAnyText = (text: string) => text.toLowerCase().replace(/\(s\)/g, 's').replace(/[^a-z0-9]+/g, ' ').trim();

const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

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

type Matcher<K extends string> = (row: readonly string[]) => ColumnIndex<K> | null;

// One matcher per layout and columnMap: the map's headers are normalised once, not once per row.
const matchers = new WeakMap<readonly ColumnSpec<string>[], { plain?: Matcher<string>; mapped: WeakMap<object, Matcher<string>> }>();

function headerMatcher<K extends string>(specs: readonly ColumnSpec<K>[], columnMap: Record<string, string>): Matcher<K> {
  const entries = Object.entries(columnMap);
  const mapped = entries.length === 0 ? undefined : new Map(entries.map(([header, key]) => [normaliseHeader(header), key]));
  const required = specs.filter((s) => s.required).length;
  // In the layout's order, so the first spec with a matching synonym wins, as it always has.
  const synonyms = specs.flatMap((spec) => spec.synonyms.map((syn) => ({ spec, syn, withSpace: `${syn} ` })));
  // Far enough into a cell to tell every synonym (and the space after it) apart; a columnMap
  // compares whole headers, so with one the whole cell is read.
  const reach = mapped ? Infinity : Math.max(...synonyms.map((s) => s.withSpace.length));
  const specFor = (h: string) => {
    const explicit = mapped?.get(h);
    if (explicit !== undefined) return specs.find((s) => s.key === explicit || normaliseHeader(s.label) === normaliseHeader(explicit));
    for (const { spec, syn, withSpace } of synonyms) if (h === syn || h.startsWith(withSpace)) return spec;
    return undefined;
  };
  return (row) => {
    let named = 0;
    for (const cell of row) if (cell !== '' && cell.length <= MAX_HEADER_LENGTH) named++;
    // A row with fewer short cells than the required columns cannot name them all.
    if (named < required) return null;
    let index: ColumnIndex<K> | null = null;
    for (let i = 0; i < row.length; i++) {
      const cell = row[i]!;
      if (cell.length > MAX_HEADER_LENGTH) continue;
      const h = normalisedStart(cell, reach);
      if (!h) continue;
      const spec = specFor(h);
      if (!spec) continue;
      index ??= { header: [...row] } as ColumnIndex<K>;
      if (index[spec.key] === undefined) (index as Record<string, unknown>)[spec.key] = i;
    }
    if (index === null) return required === 0 ? ({ header: [...row] } as ColumnIndex<K>) : null;
    return specs.every((s) => !s.required || index[s.key] !== undefined) ? index : null;
  };
}

/** Does this row look like the table's header row (it names every required column)? */
export function matchHeader<K extends string>(
  row: readonly string[],
  specs: readonly ColumnSpec<K>[],
  columnMap: Record<string, string> = {},
): ColumnIndex<K> | null {
  let cached = matchers.get(specs);
  if (!cached) matchers.set(specs, (cached = { mapped: new WeakMap() }));
  const empty = Object.keys(columnMap).length === 0;
  let matcher = empty ? cached.plain : cached.mapped.get(columnMap);
  if (!matcher) {
    matcher = headerMatcher(specs as readonly ColumnSpec<string>[], columnMap);
    if (empty) cached.plain = matcher;
    else cached.mapped.set(columnMap, matcher);
  }
  return (matcher as Matcher<K>)(row);
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
