import { parse } from 'csv-parse/sync';
import { CsvImportError } from '../errors.js';
import { ImportLimitError, type ReadLimits } from '../limits/limits.js';
import { restoreCell } from './formula-safe.js';

/**
 * Delimited text read record by record by csv-parse, each record checked against the limits as it
 * is read, so a breach stops the parse at that record. csv-parse's own `max_record_size` bounds
 * what it buffers for one record (a 10 MB cell is refused after its first cells' worth, not after
 * it has been read whole). Cells written formula-safe by our exports (`'=...`) are restored.
 */
export function readDelimited(fileName: string, text: string, delimiter: string, limits: ReadLimits): string[][] {
  let cells = 0;
  const maxRecordChars = limits.maxCellLength * Math.min(limits.maxColumns, 256);
  // csv-parse builds (and keeps) an Error for every row whose length differs from the first row's,
  // relaxed or not: in a tracker, every row after a two-cell preamble. Its stack is never read,
  // and capturing it was a third of the parse (measured on 20,000 rows), so none is captured here.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: maxRecordChars,
      on_record: (record: string[], { records }: { records: number }) => {
        const row = records;
        if (row > limits.maxRows) throw new ImportLimitError(fileName, 'maxRows', limits.maxRows, `the file has more than ${limits.maxRows} rows`);
        if (record.length > limits.maxColumns) throw new ImportLimitError(fileName, 'maxColumns', limits.maxColumns, `row ${row} has ${record.length} columns`);
        for (let c = 0; c < record.length; c++) {
          const cell = record[c]!;
          if (cell.length > limits.maxCellLength) throw new ImportLimitError(fileName, 'maxCellLength', limits.maxCellLength, `row ${row}, column ${c + 1} holds ${cell.length} characters`);
          record[c] = restoreCell(cell);
          if (cell !== '' && ++cells > limits.maxCells) throw new ImportLimitError(fileName, 'maxCells', limits.maxCells, `the file holds more than ${limits.maxCells} cells`);
        }
        return record;
      },
    }) as string[][];
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
