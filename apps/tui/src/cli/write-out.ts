import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { json, line, type Io } from './io.js';

/** Writes a rendered file (an export or a report) where --out says and tells the person where it went. */
export async function writeOut(io: Io, out: string, file: { body: string | Uint8Array; contentType: string; fileName: string }, asJson: boolean | undefined): Promise<void> {
  const path = resolve(out);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, file.body);
  const bytes = typeof file.body === 'string' ? Buffer.byteLength(file.body) : file.body.byteLength;
  if (asJson) json(io, { out: path, fileName: file.fileName, contentType: file.contentType, bytes });
  else line(io, `Wrote ${path} (${file.contentType}, ${bytes} bytes)`);
}
