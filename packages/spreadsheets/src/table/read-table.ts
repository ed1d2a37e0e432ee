import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { CsvImportError } from '../errors.js';
import { decodeText } from './decode.js';

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

function parseDelimited(fileName: string, text: string, delimiter: string): string[][] {
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw new CsvImportError(
      { fileName, ...(typeof e.lines === 'number' ? { row: e.lines } : {}) },
      `expected ${delimiter === '\t' ? 'tab' : 'comma'}-separated text with balanced quotes (${e.message ?? 'unreadable'})`,
      'parse',
    );
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readWorksheets(fileName: string, content: Buffer | string): Promise<{ name: string; rows: string[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'binary') : content;
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new CsvImportError({ fileName }, `expected an Excel workbook (.xlsx): ${(error as Error).message}`, 'parse');
  }
  if (workbook.worksheets.length === 0) throw new CsvImportError({ fileName }, 'expected a workbook with at least one worksheet', 'parse');
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
    }
    return { name: sheet.name, rows };
  });
}

const tidy = (rows: string[][]) => rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n').trim()));

/**
 * Reads any accepted layout into rows with a maintained parser: TSV and CSV by csv-parse, XLSX by
 * exceljs. A workbook's worksheet is the one named by `sheet`, else the first that `holdsLayout`
 * accepts (councils keep the tracker beside a scoresheet and notes), else the first. In a workbook
 * of several worksheets, messages name the sheet with the file: `tracker.xlsx, sheet "April"`.
 */
export async function readTable(input: FileInput, holdsLayout: (rows: string[][]) => boolean = () => true): Promise<Table> {
  const format = detectFormat(input);
  if (format !== 'xlsx') {
    const rows = parseDelimited(input.fileName, decodeText(input.content), format === 'tsv' ? '\t' : ',');
    return { fileName: input.fileName, rows: tidy(rows) };
  }
  const sheets = (await readWorksheets(input.fileName, input.content)).map((w) => ({ name: w.name, rows: tidy(w.rows) }));
  const wanted = input.sheet;
  // Front ends pass text ("--sheet 2", "?sheet=2"): a worksheet of that name wins, else digits are a number.
  const byName = typeof wanted === 'string' ? sheets.find((w) => w.name.trim().toLowerCase() === wanted.toLowerCase()) : undefined;
  const number = typeof wanted === 'number' ? wanted : typeof wanted === 'string' && /^[1-9][0-9]*$/.test(wanted) ? Number(wanted) : undefined;
  const chosen = wanted === undefined ? sheets.find((w) => holdsLayout(w.rows)) ?? sheets[0]! : byName ?? (number === undefined ? undefined : sheets[number - 1]);
  if (!chosen)
    throw new CsvImportError({ fileName: input.fileName }, `expected a worksheet ${typeof wanted === 'number' ? `number ${wanted}` : `named "${wanted}"`}; the workbook has ${sheets.map((w) => `"${w.name}"`).join(', ')}`, 'sheet');
  return { fileName: sheets.length > 1 ? `${input.fileName}, sheet "${chosen.name}"` : input.fileName, rows: chosen.rows };
}

export const isBlankRow = (row: readonly string[]) => row.every((c) => c === '');
