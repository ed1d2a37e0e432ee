// exceljs's public streaming reader takes the ZIP as one stream through unzipper, which trusts each
// entry's local header (a bomb can hide behind an honest central directory) and spools worksheets
// to temp files when, as Excel writes them, the shared strings come later. So the ZIP is opened
// with yauzl (limits checked on its directory, sizes enforced while inflating) and the entries are
// handed to exceljs's own SpreadsheetML parsers in the order they need. Those are WorkbookReader
// methods without a public name; exceljs is pinned to 4.4.0 and the XLSX tests cover them.
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CsvImportError } from '../errors.js';
import { declaredDimension } from '../limits/declared-dimension.js';
import { ImportLimitError, type ReadLimits } from '../limits/limits.js';
import { openZip, type ZipArchive } from '../limits/zip-archive.js';
import { cellText } from './cell-text.js';

interface ReaderInternals {
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> & { name?: string } }>;
}

export interface WorksheetSource {
  name: string;
  /** Reads the worksheet's rows, refusing it at the first limit it breaks. */
  rows(): Promise<string[][]>;
}

/** The worksheets in the workbook's tab order, each resolved to its entry through the workbook's relationships. */
function sheetEntries(reader: ReaderInternals, zip: ZipArchive): { name: string; entry: string; sheetNo: string }[] {
  const rels = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target]));
  const out: { name: string; entry: string; sheetNo: string }[] = [];
  for (const sheet of reader.model?.sheets ?? []) {
    const target = rels.get(sheet.rId) ?? '';
    const entry = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const sheetNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry)?.[1];
    if (sheetNo !== undefined && zip.names.has(entry)) out.push({ name: sheet.name, entry, sheetNo });
  }
  return out;
}

export async function checkDeclared(fileName: string, zip: ZipArchive, entry: string, limits: ReadLimits): Promise<void> {
  const declared = await declaredDimension(await zip.open(entry));
  if (!declared) return;
  const { rows, columns } = declared;
  if (rows > limits.maxRows) throw new ImportLimitError(fileName, 'maxRows', limits.maxRows, `the sheet declares ${rows} rows`);
  if (columns > limits.maxColumns) throw new ImportLimitError(fileName, 'maxColumns', limits.maxColumns, `the sheet declares ${columns} columns`);
  if (rows * columns > limits.maxCells) throw new ImportLimitError(fileName, 'maxCells', limits.maxCells, `the sheet declares ${rows} x ${columns} cells`);
}

async function readRows(fileName: string, sheet: AsyncIterable<ExcelJS.Row>, limits: ReadLimits): Promise<string[][]> {
  const rows: string[][] = [];
  let cells = 0;
  for await (const row of sheet) {
    const number = Number.isFinite(row.number) ? row.number : rows.length + 1;
    if (number > limits.maxRows) throw new ImportLimitError(fileName, 'maxRows', limits.maxRows, `row ${number} has a cell`);
    while (rows.length < number - 1) rows.push([]);
    const out: string[] = [];
    // eachCell visits only the cells the file holds; a cell far to the right is refused before the row is filled out to it.
    row.eachCell((cell, col) => {
      if (col > limits.maxColumns) throw new ImportLimitError(fileName, 'maxColumns', limits.maxColumns, `row ${number} has a cell in column ${col}`);
      const text = cellText(cell.value);
      if (text.length > limits.maxCellLength) throw new ImportLimitError(fileName, 'maxCellLength', limits.maxCellLength, `row ${number}, column ${col} holds ${text.length} characters`);
      if (text === '') return;
      if (++cells > limits.maxCells) throw new ImportLimitError(fileName, 'maxCells', limits.maxCells, `the sheet holds more than ${limits.maxCells} cells`);
      while (out.length < col - 1) out.push('');
      out[col - 1] = text;
    });
    rows[number - 1] = out;
  }
  return rows;
}

const asImportError = (fileName: string, error: unknown): Error =>
  error instanceof CsvImportError ? error : new CsvImportError({ fileName }, `expected an Excel workbook (.xlsx): ${(error as Error).message}`, 'parse');

/**
 * Opens an XLSX within the limits: the ZIP directory first, then the workbook, styles (for date
 * cells) and shared strings, then each worksheet on demand, its declared `<dimension>` checked
 * before its rows stream. Call `close` when done.
 */
export async function openWorkbook(fileName: string, bytes: Buffer, limits: ReadLimits): Promise<{ sheets: WorksheetSource[]; close(): void }> {
  const zip = await openZip(fileName, bytes, limits);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' }) as unknown as ReaderInternals;
    if (!zip.names.has('xl/workbook.xml') || !zip.names.has('xl/_rels/workbook.xml.rels'))
      throw new CsvImportError({ fileName }, 'expected an Excel workbook (.xlsx): the archive has no xl/workbook.xml', 'parse');
    await reader._parseRels(await zip.open('xl/_rels/workbook.xml.rels'));
    await reader._parseWorkbook(await zip.open('xl/workbook.xml'));
    if (zip.names.has('xl/styles.xml')) await reader._parseStyles(await zip.open('xl/styles.xml'));
    if (zip.names.has('xl/sharedStrings.xml')) for await (const _ of reader._parseSharedStrings(await zip.open('xl/sharedStrings.xml'))) void _;
    const entries = sheetEntries(reader, zip);
    if (entries.length === 0) throw new CsvImportError({ fileName }, 'expected a workbook with at least one worksheet', 'parse');
    const sheets = entries.map(({ name, entry, sheetNo }) => ({
      name,
      rows: async () => {
        try {
          await checkDeclared(fileName, zip, entry, limits);
          const source = await zip.open(entry);
          try {
            const [event] = [...reader._parseWorksheet(source, sheetNo)];
            return await readRows(fileName, event!.value, limits);
          } finally {
            source.destroy();
          }
        } catch (error) {
          throw asImportError(fileName, error);
        }
      },
    }));
    return { sheets, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw asImportError(fileName, error);
  }
}
