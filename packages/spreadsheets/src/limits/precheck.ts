import { CsvImportError } from '../errors.js';
import { ImportLimitError, ReadLimits } from './limits.js';
import { openZip } from './zip-archive.js';
import { checkDeclared } from '../table/xlsx-reader.js';
import { detectFormat, FileInput } from '../table/read-table.js';

/**
 * The checks that cost next to nothing, for a front end to run before it starts an import (and
 * before it answers 202 or opens a progress stream): the file's size, for an XLSX its ZIP
 * directory (entries, inflated size, compression ratio) and every worksheet's declared
 * `<dimension>`. Resolves when the file may be read; rejects with the ImportLimitError (or a
 * CsvImportError for a file that is not what it claims) the import itself would raise. The
 * import checks all of this again, and the real rows besides.
 */
export async function precheckFile(input: FileInput): Promise<void> {
  const file = FileInput.parse(input);
  const limits = ReadLimits.parse(file.limits ?? {});
  const { fileName, content } = file;
  if (detectFormat(file) !== 'xlsx') {
    if (content.length > limits.maxUncompressedBytes)
      throw new ImportLimitError(fileName, 'maxUncompressedBytes', limits.maxUncompressedBytes, `the file holds ${content.length} bytes`);
    return;
  }
  const zip = await openZip(fileName, typeof content === 'string' ? Buffer.from(content, 'binary') : content, limits);
  try {
    for (const name of zip.names) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) await checkDeclared(fileName, zip, name, limits);
  } catch (error) {
    throw error instanceof CsvImportError ? error : new CsvImportError({ fileName }, `expected an Excel workbook (.xlsx): ${(error as Error).message}`, 'parse');
  } finally {
    zip.close();
  }
}
