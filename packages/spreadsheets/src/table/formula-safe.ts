/**
 * CSV cells Excel, LibreOffice and Google Sheets would run as formulas start with one of these
 * (OWASP's CSV-injection list): `=`, `+`, `-`, `@`, tab, carriage return.
 */
const trigger = /^'*[=+\-@\t\r]/;

/**
 * A cell as written to CSV: one that starts with a formula character, after any number of single
 * quotes, gets one more single quote in front. `=SUM(A1)` -> `'=SUM(A1)`, `-5` -> `'-5`,
 * `'=x` -> `''=x`; `'80s` and every other cell are written as they are.
 */
export const neutraliseCell = (value: string): string => (trigger.test(value) ? `'${value}` : value);

/**
 * The inverse, applied by the importer to every CSV/TSV cell: one leading quote is taken off a
 * cell that starts with a quote then (after any further quotes) a formula character. Only
 * neutraliseCell writes such a cell, so export -> import -> export gives the same bytes, and a
 * typed `'80s` or `'tis` is kept as it is.
 */
export const restoreCell = (cell: string): string => (cell.startsWith("'") && trigger.test(cell) ? cell.slice(1) : cell);

export const neutraliseRows = (rows: readonly (readonly (string | number)[])[]): string[][] =>
  rows.map((r) => r.map((c) => neutraliseCell(String(c))));
