import { z } from 'zod';
import { CsvImportError } from '../errors.js';

const count = (max: number) => z.number().int().min(1).max(max);

/**
 * How much of a file the readers accept before refusing it. Each limit is checked as early as the
 * file allows: the ZIP directory of an XLSX before anything is inflated, a worksheet's declared
 * `<dimension>` before its rows are parsed, then every row and cell as it streams past, so a
 * hostile file costs at most what these allow, whatever it claims.
 */
export const ReadLimits = z.object({
  /** Rows of a sheet (declared or real), counted as the spreadsheet numbers them: a lone cell at row 1,048,576 counts as 1,048,576 rows. */
  maxRows: count(1_048_576).default(200_000),
  /** Columns of a sheet (declared or real): a cell in column XFD counts as 16,384 columns. 256 is Excel 2003's width. */
  maxColumns: count(16_384).default(256),
  /** Non-empty cells of a sheet; also the most a declared `<dimension>` may span (rows x columns). */
  maxCells: count(1 << 30).default(4_000_000),
  /** Characters in one cell: Excel's own limit. */
  maxCellLength: count(1 << 30).default(32_767),
  /** Bytes of text a CSV/TSV may hold, or bytes an XLSX may inflate to (all its entries together). */
  maxUncompressedBytes: count(2 ** 40).default(100 * 1024 * 1024),
  /** Inflated / compressed size of an XLSX entry, for entries over 1 MiB (XML of real sheets compresses 5-60 times; a zip bomb about 1,000). */
  maxCompressionRatio: z.number().min(1).default(200),
  /** Files inside an XLSX. */
  maxEntries: count(1 << 20).default(10_000),
});
export type ReadLimits = z.infer<typeof ReadLimits>;
export type ReadLimitsInput = z.input<typeof ReadLimits>;
export type LimitName = keyof ReadLimits;

/** The defaults, for front ends that show them or build their own from them. */
export const defaultReadLimits: Readonly<ReadLimits> = Object.freeze(ReadLimits.parse({}));

/** A ratio is only worth refusing when the inflated entry is big enough to hurt. */
export const ratioCheckedAbove = 1024 * 1024;

/**
 * A file refused for a limit. Code 'invalid' (a 4xx; the HTTP layer may answer 413 for it), rule
 * `limit`, and `limit` / `details.limit` name which one, so a front end can say how to raise it.
 */
export class ImportLimitError extends CsvImportError {
  readonly limit: LimitName;
  readonly allowed: number;
  constructor(fileName: string, limit: LimitName, allowed: number, found: string) {
    super({ fileName }, `refused: ${found}, over the limit ${limit} = ${allowed.toLocaleString('en-GB')}`, 'limit');
    this.limit = limit;
    this.allowed = allowed;
    Object.assign(this.details ?? {}, { limit, allowed });
  }
}
