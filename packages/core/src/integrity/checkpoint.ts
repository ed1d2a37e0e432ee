import { HASH_SIZE } from './hashing.js';
import { checkKeyName, parseNote, signNote, strictBase64, verifyNote, type NoteSigner, type VerifierKey } from './signed-note.js';

/**
 * C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the note text "origin\nsize\nbase64(root)\n" plus
 * optional non-empty extension lines, signed as a signed note. ragtrail signs with a key whose name is the
 * origin, and a verifier refuses a checkpoint whose origin differs from the trusted key's name, so a key
 * trusted for one log cannot vouch for another.
 */
export type Checkpoint = { origin: string; size: number; root: Buffer; extensions: string[] };
/** The outcome of verifying a signed checkpoint: the checkpoint it carries, or the reason it was refused. */
export type CheckpointCheck = { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string };

const MAX_EXTENSIONS = 16;
const MAX_LINE = 1024;

/**
 * Writes a checkpoint as the C2SP text a signature covers (origin, size and base64 root, one per line, then
 * extension lines), refusing values the format cannot carry.
 */
export function formatCheckpointBody(checkpoint: Checkpoint): string {
  checkKeyName(checkpoint.origin, 'checkpoint origin');
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 0) throw new Error(`checkpoint size must be a whole number, got ${checkpoint.size}`);
  if (checkpoint.root.length !== HASH_SIZE) throw new Error(`checkpoint root must be ${HASH_SIZE} bytes, got ${checkpoint.root.length}`);
  for (const [i, line] of checkpoint.extensions.entries()) {
    if (line.length === 0 || line.includes('\n')) throw new Error(`checkpoint extension line ${i + 1} must be one non-empty line`);
  }
  const lines = [checkpoint.origin, String(checkpoint.size), checkpoint.root.toString('base64'), ...checkpoint.extensions];
  return `${lines.join('\n')}\n`;
}

/**
 * Reads C2SP checkpoint text back into a checkpoint, throwing an error that names the line and rule when the
 * text is malformed.
 */
export function parseCheckpointBody(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new Error('checkpoint text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new Error('checkpoint must have at least three lines: origin, tree size, root hash');
  if (lines.length > 3 + MAX_EXTENSIONS) throw new Error(`checkpoint has more than ${MAX_EXTENSIONS} extension lines`);
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (lines.some((l) => l.length > MAX_LINE)) throw new Error(`checkpoint lines must be at most ${MAX_LINE} characters`);
  if (origin.length === 0) throw new Error('checkpoint origin (line 1) must not be empty');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText)) throw new Error(`checkpoint tree size (line 2) must be a decimal number without leading zeros, got ${JSON.stringify(sizeText.slice(0, 40))}`);
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new Error(`checkpoint tree size ${sizeText} is too large`);
  const root = strictBase64(rootText, 'checkpoint root hash (line 3)');
  if (root.length !== HASH_SIZE) throw new Error(`checkpoint root hash (line 3) must be ${HASH_SIZE} bytes, got ${root.length}`);
  const empty = extensions.findIndex((l) => l.length === 0);
  if (empty !== -1) throw new Error(`checkpoint extension line ${empty + 1} is empty`);
  return { origin, size, root, extensions };
}

/** The signed note of a checkpoint, signed by the log's key (named after the origin). */
export function signCheckpoint(checkpoint: Checkpoint, signer: NoteSigner): string {
  if (signer.name !== checkpoint.origin) throw new Error(`the signing key is named ${signer.name} but the checkpoint origin is ${checkpoint.origin}`);
  return signNote(formatCheckpointBody(checkpoint), signer);
}

/** Checks the signature first, then the body, and names what is wrong. */
export function verifyCheckpoint(note: string, key: VerifierKey): CheckpointCheck {
  const signed = verifyNote(note, key);
  if (!signed.ok) return signed;
  try {
    const checkpoint = parseCheckpointBody(signed.text);
    if (checkpoint.origin !== key.name) return { ok: false, reason: `the checkpoint is for the log ${checkpoint.origin}, not ${key.name}` };
    return { ok: true, checkpoint };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** Reads a checkpoint's body without checking its signature (to show what a file claims before trusting it). */
export const readCheckpointUnverified = (note: string): Checkpoint => parseCheckpointBody(parseNote(note).text);
