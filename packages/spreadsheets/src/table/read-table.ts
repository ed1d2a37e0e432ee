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

async function parseXlsx(fileName: string, content: Buffer | string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'binary') : content;
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new CsvImportError({ fileName }, `expected an Excel workbook (.xlsx): ${(error as Error).message}`, 'parse');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CsvImportError({ fileName }, 'expected a workbook with at least one worksheet', 'parse');
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** Reads any accepted layout into rows with a maintained parser: TSV and CSV by csv-parse, XLSX by exceljs. */
export async function readTable(input: FileInput): Promise<Table> {
  const format = detectFormat(input);
  const rows =
    format === 'xlsx'
      ? await parseXlsx(input.fileName, input.content)
      : parseDelimited(input.fileName, decodeText(input.content), format === 'tsv' ? '\t' : ',');
  return { fileName: input.fileName, rows: rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n').trim())) };
}

export const isBlankRow = (row: readonly string[]) => row.every((c) => c === '');
