import { readFileSync, statSync } from 'node:fs';
import { decodeUtf8 } from './note.js';
import { verify, type VerifyInput } from './verify.js';

export type CliIo = { stdout: (line: string) => void; stderr: (line: string) => void; readFile?: (path: string) => Uint8Array };

export const USAGE = `usage: ragtrail-verify --key KEY [--checkpoint FILE] [--proof FILE] [--from-checkpoint FILE]

  --key KEY               the log's verifier key (name+keyid+base64key), or a file holding it
  --checkpoint FILE       a signed checkpoint, or a board report / evidence pack (md, html) carrying one;
                          optional when the proof file includes its checkpoint
  --proof FILE            an inclusion or consistency proof (JSON, see docs/integrity.md)
  --from-checkpoint FILE  an earlier checkpoint (or a report carrying one) the log must still extend

Prints "yes: ..." and exits 0, or "no: <reason>" and exits 1; a usage error exits 2.`;

const FLAGS = { '--key': 'key', '--checkpoint': 'checkpoint', '--proof': 'proof', '--from-checkpoint': 'fromCheckpoint' } as const;
const MAX_FILE = 64 * 1024 * 1024;

export function runCli(args: readonly string[], io: CliIo): number {
  const read = io.readFile ?? readBounded;
  const given: Partial<Record<keyof VerifyInput, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') { io.stdout(USAGE); return 0; }
    const field = FLAGS[arg as keyof typeof FLAGS];
    const value = args[i + 1];
    if (field === undefined || value === undefined || value.startsWith('--')) {
      io.stderr(field === undefined ? `unknown argument ${arg}\n${USAGE}` : `${arg} needs a value\n${USAGE}`);
      return 2;
    }
    if (given[field] !== undefined) { io.stderr(`${arg} is given twice`); return 2; }
    given[field] = value;
    i++;
  }
  if (given.key === undefined) { io.stderr(`--key is required\n${USAGE}`); return 2; }

  const input: VerifyInput = { key: given.key };
  try {
    // A key string has "+" in it; anything else, or a path that exists, is a file holding the key.
    input.key = isKeyString(given.key) ? given.key : firstLine(decodeUtf8(read(given.key), `key file ${given.key}`));
    for (const field of ['checkpoint', 'proof', 'fromCheckpoint'] as const) {
      const path = given[field];
      if (path !== undefined) input[field] = decodeUtf8(read(path), path);
    }
  } catch (error) {
    io.stdout(`no: ${(error as Error).message}`);
    return 1;
  }
  const verdict = verify(input);
  for (const fact of verdict.facts) io.stdout(`  ${fact}`);
  io.stdout(`${verdict.ok ? 'yes' : 'no'}: ${verdict.reason}`);
  return verdict.ok ? 0 : 1;
}

function isKeyString(value: string): boolean {
  if (!/^[^+\s]+\+[0-9a-f]{8}\+\S+$/.test(value)) return false;
  try {
    statSync(value);
    return false;
  } catch {
    return true;
  }
}

const firstLine = (text: string): string => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';

function readBounded(path: string): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error(`cannot read ${path}: no such file`);
  }
  if (size > MAX_FILE) throw new Error(`${path} is larger than ${MAX_FILE} bytes`);
  return readFileSync(path);
}
