import { parse } from 'csv-parse/sync';
import { CsvImportError } from '../errors.js';
import { ImportLimitError, type ReadLimits } from '../limits/limits.js';
import { restoreCell } from './formula-safe.js';
import { isUtf8 } from 'node:buffer';
import { decodeText } from './decode.js';

const QUOTE = 0x27;

/** At least as many as the cells the text can hold: one more than its delimiters and line ends. */
function cellBound(text: string | Buffer, delimiter: string): number {
  let n = 1;
  for (const mark of [delimiter, '\n']) for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) n++;
  return n;
}

/**
 * The line ending that ends the text's first record, outside quoted cells: csv-parse takes its
 * record delimiter from the first it meets there, so a line put before the text must end the same way.
 */
function firstRecordEnding(text: string, delimiter: string): string | undefined {
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === delimiter) {
      fieldStart = true;
    } else if (c === '\r' || c === '\n') {
      return c === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
    } else {
      fieldStart = false;
    }
  }
  return undefined;
}

/**
 * How many delimiters most of the first lines hold: a table's width, read before the parse. A
 * line inside a quoted cell may miscount; the most common count does not depend on one line.
 */
function usualDelimiters(text: string, delimiter: string): number {
  const counts = new Map<number, number>();
  let start = 0;
  for (let line = 0; line < 200 && start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let n = 0;
    for (let i = text.indexOf(delimiter, start); i !== -1 && i < end; i = text.indexOf(delimiter, i + 1)) n++;
    if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    start = end + 1;
  }
  let usual = 0;
  let seen = 0;
  for (const [n, times] of counts) if (times > seen) [usual, seen] = [n, times];
  return usual;
}

const HEAD_CHARS = 64 * 1024;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * What csv-parse is given: UTF-8 bytes as they are (handed text, it encodes the whole file back to
 * bytes first: half a second for 46 MB), any other encoding decoded to text; and the text of the
 * first 64 KB, where the table's width and line ending are read.
 */
function parseable(content: Buffer | string): { text: Buffer | string; head: string; whole: boolean } {
  if (Buffer.isBuffer(content) && !(content[0] === 0xff && content[1] === 0xfe) && !(content[0] === 0xfe && content[1] === 0xff)) {
    const bytes = content.subarray(0, 3).equals(UTF8_BOM) ? content.subarray(3) : content;
    if (isUtf8(bytes)) return { text: bytes, head: new TextDecoder().decode(bytes.subarray(0, HEAD_CHARS)), whole: bytes.length <= HEAD_CHARS };
  }
  const text = decodeText(content);
  return { text, head: text.slice(0, HEAD_CHARS), whole: text.length <= HEAD_CHARS };
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
export function readDelimited(fileName: string, content: Buffer | string, delimiter: string, limits: ReadLimits): string[][] {
  const maxRecordChars = limits.maxCellLength * Math.min(limits.maxColumns, 256);
  const { text, head, whole } = parseable(content);
  // csv-parse builds (and keeps) an Error for every record whose length differs from the first
  // record's, relaxed or not: in a tracker, every line after a two-cell preamble (0.8 s of a
  // 100,000-row import, stacks off). A first line of empty cells as wide as most lines sets the
  // length the table's lines have; it is dropped after the parse, and row numbers are the file's.
  const width = Math.min(usualDelimiters(head, delimiter), limits.maxColumns);
  // A first record that runs past the head is not padded: its line ending is not known.
  const ending = firstRecordEnding(head, delimiter) ?? (whole ? '\n' : undefined);
  const added = width > 0 && ending !== undefined ? 1 : 0;
  const pad = added ? delimiter.repeat(width) + ending : '';
  const padded = !added ? text : typeof text === 'string' ? pad + text : Buffer.concat([Buffer.from(pad), text]);
  const options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: maxRecordChars, to: limits.maxRows + 1 + added };
  // The stack of those errors is never read either: none is captured.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    let cells = 0;
    let rows: string[][];
    if (cellBound(text, delimiter) <= limits.maxCells) {
      rows = (parse(padded, options) as string[][]).slice(added);
      for (let r = 0; r < rows.length && r < limits.maxRows; r++) cells = checkRecord(fileName, rows[r]!, r + 1, cells, limits);
    } else {
      rows = (parse(padded, {
        ...options,
        on_record: (record: string[], { records }: { records: number }) => {
          const row = records - added;
          if (row >= 1 && row <= limits.maxRows) cells = checkRecord(fileName, record, row, cells, limits);
          return record;
        },
      }) as string[][]).slice(added);
    }
    if (rows.length > limits.maxRows) throw new ImportLimitError(fileName, 'maxRows', limits.maxRows, `the file has more than ${limits.maxRows} rows`);
    return rows;
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    const e = error as { message?: string; lines?: number; code?: string };
    if (typeof e.lines === 'number') e.lines -= added;
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
