import { parse } from 'csv-parse/sync';
import { CsvImportError } from '../errors.js';
import { ImportLimitError, type ReadLimits } from '../limits/limits.js';
import { restoreCell } from './formula-safe.js';

const QUOTE = 0x27;

/** At least as many as the cells the text can hold: one more than its delimiters and line ends. */
function cellBound(text: string, delimiter: string): number {
  let n = 1;
  for (const mark of [delimiter, '\n']) for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) n++;
  return n;
}

/** Checks one record against the limits and restores its formula-safe cells; returns the new cell count. */
function checkRecord(fileName: string, record: string[], row: number, cells: number, limits: ReadLimits): number {
  if (record.length > limits.maxColumns) throw new ImportLimitError(fileName, 'maxColumns', limits.maxColumns, `row ${row} has ${record.length} columns`);
  for (let c = 0; c < record.length; c++) {
    const cell = record[c]!;
    if (cell.length > limits.maxCellLength) throw new ImportLimitError(fileName, 'maxCellLength', limits.maxCellLength, `row ${row}, column ${c + 1} holds ${cell.length} characters`);
    if (cell.charCodeAt(0) === QUOTE) record[c] = restoreCell(cell);
    if (cell !== '' && ++cells > limits.maxCells) throw new ImportLimitError(fileName, 'maxCells', limits.maxCells, `the file holds more than ${limits.maxCells} cells`);
  }
  return cells;
}

/**
 * Delimited text read by csv-parse within the limits. `to` stops the parse one record past
 * `maxRows`, and `max_record_size` bounds what it buffers for one record (a 10 MB cell is refused
 * after its first cells' worth, not after it has been read whole). When the text cannot hold more
 * cells than `maxCells` (counted from its delimiters), the records are checked in one pass after
 * the parse; otherwise each record is checked as it is read, so a breach stops the parse there.
 * The per-record callback costs about a third of the parse, which the common case need not pay.
 * Cells written formula-safe by our exports (`'=...`) are restored.
 */
export function readDelimited(fileName: string, text: string, delimiter: string, limits: ReadLimits): string[][] {
  const maxRecordChars = limits.maxCellLength * Math.min(limits.maxColumns, 256);
  const options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: maxRecordChars, to: limits.maxRows + 1 };
  // csv-parse builds (and keeps) an Error for every row whose length differs from the first row's,
  // relaxed or not: in a tracker, every row after a two-cell preamble. Its stack is never read,
  // and capturing it was a third of the parse (measured on 20,000 rows), so none is captured here.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    let cells = 0;
    let rows: string[][];
    if (cellBound(text, delimiter) <= limits.maxCells) {
      rows = parse(text, options) as string[][];
      for (let r = 0; r < rows.length && r < limits.maxRows; r++) cells = checkRecord(fileName, rows[r]!, r + 1, cells, limits);
    } else {
      rows = parse(text, {
        ...options,
        on_record: (record: string[], { records }: { records: number }) => {
          if (records <= limits.maxRows) cells = checkRecord(fileName, record, records, cells, limits);
          return record;
        },
      }) as string[][];
    }
    if (rows.length > limits.maxRows) throw new ImportLimitError(fileName, 'maxRows', limits.maxRows, `the file has more than ${limits.maxRows} rows`);
    return rows;
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    const e = error as { message?: string; lines?: number; code?: string };
    if (e.code === 'CSV_MAX_RECORD_SIZE')
      throw new ImportLimitError(fileName, 'maxCellLength', limits.maxCellLength, `a row near line ${e.lines ?? '?'} holds a cell of more than ${maxRecordChars} characters`);
    throw new CsvImportError(
      { fileName, ...(typeof e.lines === 'number' ? { row: e.lines } : {}) },
      `expected ${delimiter === '\t' ? 'tab' : 'comma'}-separated text with balanced quotes (${e.message ?? 'unreadable'})`,
      'parse',
    );
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
