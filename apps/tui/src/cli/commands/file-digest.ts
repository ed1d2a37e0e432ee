import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../user-error.js';

const kindOf = (s: Awaited<ReturnType<typeof stat>>) =>
  s.isDirectory() ? 'a directory' : s.isCharacterDevice() ? 'a character device' : s.isBlockDevice() ? 'a block device' : s.isFIFO() ? 'a pipe' : s.isSocket() ? 'a socket' : 'not a regular file';

/**
 * The SHA-256 of a regular file, read as a stream: memory stays flat whatever its size, and a
 * device or pipe (/dev/zero, which never ends) is refused before a byte is read.
 */
export async function sha256OfFile(path: string, flag: string): Promise<string> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(error.code === 'ENOENT' ? `${flag} ${path}: no such file` : `${flag} ${path}: cannot be read (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw new UserError(`${flag} ${path}: ${kindOf(info)}, not a regular file: give the file whose SHA-256 digest to record`);
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`${flag} ${path}: cannot be read (${error.code ?? error.message})`);
  });
  return hash.digest('hex');
}
