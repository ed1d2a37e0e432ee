import { stringify } from 'csv-stringify/sync';
import { neutraliseRows } from './formula-safe.js';

/**
 * Rows as the CSV every export writes: CRLF between rows as Excel writes them, formula-looking
 * cells neutralised (see formula-safe.ts), and any cell holding a line break quoted. csv-stringify
 * quotes a cell only when it holds the record delimiter, so with CRLF a cell with a bare "\n"
 * would otherwise be written unquoted and read back as two rows.
 */
export const writeCsv = (rows: readonly (readonly (string | number)[])[]): string =>
  stringify(neutraliseRows(rows), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
