import { ImportLimitError, ReadLimits } from '../limits/limits.js';
import { readDelimited } from '../table/delimited-reader.js';
import { detectFormat, readTable, type FileInput, type Table } from '../table/read-table.js';

/**
 * The file's rows through the package's readers and limits. Delimited text skips readTable's
 * whole-table tidy pass (a trimmed copy of every cell): a regional benchmarking sheet is mostly
 * other authorities' rows the importer never looks at, and it trims the cells it does read.
 * Workbooks go through readTable as they are.
 */
export async function readRows(input: FileInput): Promise<Table> {
  const format = detectFormat(input);
  if (format === 'xlsx') return readTable(input);
  const limits = ReadLimits.parse(input.limits ?? {});
  const { fileName, content } = input;
  if (content.length > limits.maxUncompressedBytes)
    throw new ImportLimitError(fileName, 'maxUncompressedBytes', limits.maxUncompressedBytes, `the file holds ${content.length} bytes`);
  return { fileName, rows: readDelimited(fileName, content, format === 'tsv' ? '\t' : ',', limits) };
}
