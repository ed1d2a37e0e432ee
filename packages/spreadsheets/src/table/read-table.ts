import { z } from 'zod';
import { CsvImportError } from '../errors.js';
import { ImportLimitError, ReadLimits } from '../limits/limits.js';
import { decodeText } from './decode.js';
import { readDelimited } from './delimited-reader.js';
import { openWorkbook } from './xlsx-reader.js';

export const TableFormat = z.enum(['tsv', 'csv', 'xlsx']);
export type TableFormat = z.infer<typeof TableFormat>;

/** The file as given by a front end: its name (for messages and format detection) and bytes or text. */
export const FileInput = z.object({
  fileName: z.string().trim().min(1, 'must name the file'),
  /** Text, or the bytes as a front end holds them: a Buffer, a Uint8Array (fetch, Hono) or an ArrayBuffer. */
  content: z
    .union([z.string(), z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be text or bytes'), z.instanceof(ArrayBuffer)])
    .transform((c): Buffer | string => (typeof c === 'string' || Buffer.isBuffer(c) ? c : Buffer.from(c instanceof ArrayBuffer ? new Uint8Array(c) : c))),
  format: TableFormat.optional(),
  /** XLSX: the worksheet to read, by name or 1-based number; by default the first that holds the layout. */
  sheet: z.union([z.string().trim().min(1), z.number().int().min(1)]).optional(),
  /** How much of the file to accept; each limit left out keeps its default (`defaultReadLimits`). */
  limits: ReadLimits.partial().optional(),
});
export type FileInput = z.infer<typeof FileInput>;

/** A file as rows of trimmed-at-the-edges cell text; `rows[i]` is spreadsheet row i + 1. */
export interface Table {
  fileName: string;
  rows: string[][];
}

const isZip = (content: Buffer | string) => Buffer.isBuffer(content) && content.length > 3 && content[0] === 0x50 && content[1] === 0x4b;

export function detectFormat(input: FileInput): TableFormat {
  if (input.format) return input.format;
  const lower = input.fileName.toLowerCase();
  if (lower.endsWith('.xlsx') || isZip(input.content)) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'tsv';
  const text = decodeText(input.content);
  const firstLines = text.split(/\r?\n/).slice(0, 30).join('\n');
  return (firstLines.match(/\t/g)?.length ?? 0) >= (firstLines.match(/,/g)?.length ?? 0) ? 'tsv' : 'csv';
}

/** Line ends as one "\n" and no space at a cell's edges; in place, as the rows are the parser's own. */
function tidy(rows: string[][]): string[][] {
  for (const row of rows)
    for (let c = 0; c < row.length; c++) {
      const cell = row[c]!;
      row[c] = (cell.includes('\r') ? cell.replace(/\r\n?/g, '\n') : cell).trim();
    }
  return rows;
}

/**
 * Reads any accepted layout into rows with a maintained parser: TSV and CSV by csv-parse, XLSX by
 * yauzl and exceljs, within `limits` (refused with an ImportLimitError naming the limit and the
 * file). A workbook's worksheet is the one named by `sheet`, else the first that `holdsLayout`
 * accepts (councils keep the tracker beside a scoresheet and notes), else the first; worksheets
 * after the chosen one are not read. In a workbook of several worksheets, messages name the sheet
 * with the file: `tracker.xlsx, sheet "April"`.
 */
export async function readTable(input: FileInput, holdsLayout: (rows: string[][]) => boolean = () => true): Promise<Table> {
  const limits = ReadLimits.parse(input.limits ?? {});
  const { fileName, content } = input;
  const size = typeof content === 'string' ? content.length : content.length;
  const format = detectFormat(input);
  if (format !== 'xlsx') {
    if (size > limits.maxUncompressedBytes)
      throw new ImportLimitError(fileName, 'maxUncompressedBytes', limits.maxUncompressedBytes, `the file holds ${size} bytes`);
    return { fileName, rows: tidy(readDelimited(fileName, content, format === 'tsv' ? '\t' : ',', limits)) };
  }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'binary') : content;
  const book = await openWorkbook(fileName, bytes, limits);
  try {
    const { sheets } = book;
    const wanted = input.sheet;
    const many = sheets.length > 1;
    const named = (name: string) => (many ? `${fileName}, sheet "${name}"` : fileName);
    // Front ends pass text ("--sheet 2", "?sheet=2"): a worksheet of that name wins, else digits are a number.
    const byName = typeof wanted === 'string' ? sheets.find((w) => w.name.trim().toLowerCase() === wanted.toLowerCase()) : undefined;
    const number = typeof wanted === 'number' ? wanted : typeof wanted === 'string' && /^[1-9][0-9]*$/.test(wanted) ? Number(wanted) : undefined;
    if (wanted !== undefined) {
      const chosen = byName ?? (number === undefined ? undefined : sheets[number - 1]);
      if (!chosen)
        throw new CsvImportError({ fileName }, `expected a worksheet ${typeof wanted === 'number' ? `number ${wanted}` : `named "${wanted}"`}; the workbook has ${sheets.map((w) => `"${w.name}"`).join(', ')}`, 'sheet');
      return { fileName: named(chosen.name), rows: tidy(await chosen.rows()) };
    }
    let first: Table | undefined;
    for (const sheet of sheets) {
      const table = { fileName: named(sheet.name), rows: tidy(await sheet.rows()) };
      if (holdsLayout(table.rows)) return table;
      first ??= table;
    }
    return first!;
  } finally {
    book.close();
  }
}

export const isBlankRow = (row: readonly string[]) => row.every((c) => c === '');
