import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { CsvImportError } from '../errors.js';
import { ImportLimitError, ratioCheckedAbove, type ReadLimits } from './limits.js';

/** An XLSX's ZIP, opened from memory: its entries by name, each readable as a stream of text. */
export interface ZipArchive {
  names: ReadonlySet<string>;
  /** The entry's text, inflated as it is read; fails if it inflates past the size its directory declared. */
  open(name: string): Promise<Readable>;
  close(): void;
}

const fromBuffer = (bytes: Buffer) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    // lazyEntries: the directory is walked one entry at a time, so a huge entry count is refused before it is listed.
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => (error ? reject(error) : resolve(zip))));

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Reads the ZIP's central directory and refuses it, before inflating a byte, when it declares more
 * entries, more inflated bytes, or a higher compression ratio than the limits allow. Entry names
 * are only ever compared with the names an XLSX uses; nothing is written to disk, so a name like
 * `../../etc/passwd` is harmless.
 */
export async function openZip(fileName: string, bytes: Buffer, limits: ReadLimits): Promise<ZipArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await fromBuffer(bytes);
  } catch (error) {
    throw new CsvImportError({ fileName }, `expected an Excel workbook (.xlsx), a ZIP archive: ${(error as Error).message}`, 'parse');
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new ImportLimitError(fileName, 'maxEntries', limits.maxEntries, `the archive holds ${zip.entryCount} files`);
  }
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => { zip.close(); reject(error); };
    zip.on('error', (error: Error) => fail(error instanceof CsvImportError ? error : new CsvImportError({ fileName }, `expected an Excel workbook (.xlsx): ${error.message}`, 'parse')));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (total > limits.maxUncompressedBytes)
        return fail(new ImportLimitError(fileName, 'maxUncompressedBytes', limits.maxUncompressedBytes, `the archive inflates to at least ${mib(total)} (bytes)`));
      if (entry.uncompressedSize > ratioCheckedAbove && ratio > limits.maxCompressionRatio)
        return fail(new ImportLimitError(fileName, 'maxCompressionRatio', limits.maxCompressionRatio, `"${entry.fileName}" is compressed ${Math.round(ratio)} to 1`));
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
  return {
    names: new Set(entries.keys()),
    open: (name) =>
      new Promise((resolve, reject) => {
        const entry = entries.get(name);
        if (!entry) return reject(new CsvImportError({ fileName }, `expected the workbook to hold "${name}"`, 'parse'));
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(new CsvImportError({ fileName }, `expected an Excel workbook (.xlsx): ${error.message}`, 'parse'));
          // Text, decoded across chunk boundaries (exceljs would decode each chunk alone and split a "£" in two).
          stream.setEncoding('utf8');
          resolve(stream);
        });
      }),
    close: () => zip.close(),
  };
}
