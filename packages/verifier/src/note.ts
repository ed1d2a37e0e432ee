/*
 * Deliberately repeated from @ragtrail/core (integrity/signed-note.ts, integrity/checkpoint.ts): C2SP signed-note
 * with Ed25519 and C2SP tlog-checkpoint, parsed strictly and with bounded sizes, using only node:crypto.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';

export type VerifierKey = { name: string; keyId: Buffer; publicKey: Buffer };
export type Checkpoint = { origin: string; size: number; root: Buffer; extensions: string[] };
export type CheckpointCheck = { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string };
type Signature = { name: string; keyId: Buffer; signature: Buffer };

const MAX_NOTE_BYTES = 64 * 1024;
const MAX_SIGNATURES = 32;
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function checkName(name: string, what: string): void {
  if (name.length === 0) throw new Error(`${what} must not be empty`);
  if (/[\s+\p{Zs}\p{Cc}]/u.test(name)) throw new Error(`${what} ${JSON.stringify(name)} must not contain spaces, "+" or control characters`);
}

function strictBase64(value: string, what: string): Buffer {
  if (value.length === 0 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) throw new Error(`${what} is not padded standard base64`);
  const bytes = Buffer.from(value, 'base64');
  if (bytes.toString('base64') !== value) throw new Error(`${what} is not canonical base64`);
  return bytes;
}

const keyIdOf = (name: string, publicKey: Uint8Array): Buffer =>
  createHash('sha256').update(name, 'utf8').update(Buffer.from([0x0a, 0x01])).update(publicKey).digest().subarray(0, 4);

/** "name+hex(key id)+base64(0x01 || 32-byte Ed25519 public key)" */
export function parseVerifierKey(text: string): VerifierKey {
  const s = text.trim();
  if (s.length === 0 || s.length > 1024) throw new Error('verifier key must be a line of at most 1024 characters');
  const first = s.indexOf('+');
  const second = s.indexOf('+', first + 1);
  if (first === -1 || second === -1) throw new Error('verifier key must have three parts, name+keyid+key, separated by "+"');
  const [name, idHex, keyB64] = [s.slice(0, first), s.slice(first + 1, second), s.slice(second + 1)];
  checkName(name, 'verifier key name');
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new Error('verifier key id must be 8 lowercase hexadecimal characters');
  const key = strictBase64(keyB64, 'verifier key');
  if (key[0] !== 0x01) throw new Error('verifier key type must be 0x01 (Ed25519)');
  if (key.length !== 33) throw new Error(`verifier key must hold 32 key bytes after its type byte, got ${key.length - 1}`);
  const publicKey = key.subarray(1);
  if (keyIdOf(name, publicKey).toString('hex') !== idHex) throw new Error(`verifier key id ${idHex} does not match its name and key`);
  return { name, keyId: Buffer.from(idHex, 'hex'), publicKey };
}

/** Reads bytes as UTF-8, refusing invalid sequences instead of replacing them. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error(`${what} is not valid UTF-8`);
  }
}

function parseNote(note: string): { text: string; signatures: Signature[] } {
  if (Buffer.byteLength(note, 'utf8') > MAX_NOTE_BYTES) throw new Error(`checkpoint is larger than ${MAX_NOTE_BYTES} bytes`);
  const control = /[\u0000-\u0009\u000B-\u001F]/.exec(note);
  if (control) throw new Error(`checkpoint contains the control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (!note.endsWith('\n')) throw new Error('checkpoint must end with a newline');
  const split = note.lastIndexOf('\n\n');
  if (split === -1) throw new Error('checkpoint has no blank line before its signatures');
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new Error(`checkpoint has more than ${MAX_SIGNATURES} signature lines`);
  const signatures = lines.map((line, i) => {
    if (!line.startsWith('\u2014 ')) throw new Error(`signature line ${i + 1} must start with an em dash (U+2014) and a space`);
    const rest = line.slice(2);
    const space = rest.lastIndexOf(' ');
    if (space <= 0) throw new Error(`signature line ${i + 1} must be "— <key name> <base64 signature>"`);
    const name = rest.slice(0, space);
    checkName(name, `signature line ${i + 1} key name`);
    const bytes = strictBase64(rest.slice(space + 1), `signature line ${i + 1}`);
    if (bytes.length < 5) throw new Error(`signature line ${i + 1} is too short for a key id and a signature`);
    return { name, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) };
  });
  return { text: note.slice(0, split + 1), signatures };
}

function parseBody(text: string): Checkpoint {
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new Error('checkpoint must have at least three lines: origin, tree size, root hash');
  if (lines.length > 19 || lines.some((l) => l.length > 1024)) throw new Error('checkpoint has too many or too long lines');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin.length === 0) throw new Error('checkpoint origin (line 1) must not be empty');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) throw new Error('checkpoint tree size (line 2) must be a decimal number without leading zeros');
  const root = strictBase64(rootText, 'checkpoint root hash (line 3)');
  if (root.length !== 32) throw new Error(`checkpoint root hash (line 3) must be 32 bytes, got ${root.length}`);
  if (extensions.some((l) => l.length === 0)) throw new Error('checkpoint extension lines must not be empty');
  return { origin, size: Number(sizeText), root, extensions };
}

/** Signature first (by the trusted key, any others ignored), then the body, whose origin must be the key's name. */
export function verifyCheckpoint(note: string, key: VerifierKey): CheckpointCheck {
  try {
    const { text, signatures } = parseNote(note);
    const mine = signatures.filter((s) => s.name === key.name && s.keyId.equals(key.keyId));
    if (mine.length === 0) return { ok: false, reason: `the checkpoint carries no signature by ${key.name}+${key.keyId.toString('hex')}` };
    const publicKey = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, key.publicKey]), format: 'der', type: 'spki' });
    for (const s of mine) {
      if (s.signature.length !== 64 || !verify(null, Buffer.from(text, 'utf8'), publicKey, s.signature)) {
        return { ok: false, reason: `the signature by ${key.name} does not match the checkpoint text` };
      }
    }
    const checkpoint = parseBody(text);
    if (checkpoint.origin !== key.name) return { ok: false, reason: `the checkpoint is for the log ${checkpoint.origin}, not ${key.name}` };
    return { ok: true, checkpoint };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
