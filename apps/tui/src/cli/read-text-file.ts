import { readFile } from 'node:fs/promises';
import { UserError } from './user-error.js';

/** A text file the person named, or a one-line error saying which (`what`) and why it cannot be read. */
export async function readTextFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
