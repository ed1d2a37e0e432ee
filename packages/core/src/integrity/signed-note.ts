import { createHash, type KeyObject } from 'node:crypto';
import { ED25519_KEY_SIZE, rawPublicKey, signEd25519, verifyEd25519 } from './ed25519.js';

/**
 * C2SP signed-note (https://c2sp.org/signed-note) with Ed25519 signatures (type 0x01): a text ending in a
 * newline, a blank line, then lines "— <key name> base64(key id || signature)". Notes come from outside
 * (board reports, auditors' files), so parsing is strict and bounded, and every error names the rule broken.
 */
export const SIGNATURE_TYPE_ED25519 = 0x01;
export const MAX_NOTE_BYTES = 64 * 1024;
/** The spec asks verifiers to accept at least 16 signatures; a few more leave room for witnesses. */
export const MAX_SIGNATURES = 32;
const EM_DASH_PREFIX = '\u2014 ';

/** One signature line of a signed note: the signer's key name, 4-byte key id and signature bytes. */
export type NoteSignature = { name: string; keyId: Buffer; signature: Buffer };
/** A signed note split into its signed text and its signature lines, before any signature is checked. */
export type ParsedNote = { text: string; signatures: NoteSignature[] };
/**
 * A public key that notes are verified against: the key name (a checkpoint's origin), its key id and the
 * Ed25519 public key.
 */
export type VerifierKey = { name: string; keyId: Buffer; publicKey: Buffer };
/** What signs notes: the key name the signature line carries and the Ed25519 private key. */
export type NoteSigner = { name: string; privateKey: KeyObject };
/** The outcome of verifying a signed note: the text the trusted key signed, or the reason it was refused. */
export type NoteCheck = { ok: true; text: string } | { ok: false; reason: string };

/** Key names are non-empty and carry no Unicode space and no "+" (it separates the parts of a key string). */
export function checkKeyName(name: string, what = 'key name'): void {
  if (typeof name !== 'string' || name.length === 0) throw new Error(`${what} must not be empty`);
  if (/[\s+]/u.test(name) || /\p{Zs}/u.test(name)) throw new Error(`${what} ${JSON.stringify(name)} must not contain spaces or "+"`);
  if (/\p{Cc}/u.test(name)) throw new Error(`${what} ${JSON.stringify(name)} must not contain control characters`);
}

/** key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4] */
export function keyIdOf(name: string, publicKey: Uint8Array): Buffer {
  const digest = createHash('sha256').update(name, 'utf8').update(Buffer.from([0x0a, SIGNATURE_TYPE_ED25519])).update(publicKey).digest();
  return digest.subarray(0, 4);
}

/** The verifier key string: name+hex(key id)+base64(0x01 || public key). */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  checkKeyName(name);
  const encoded = Buffer.concat([Buffer.from([SIGNATURE_TYPE_ED25519]), publicKey]).toString('base64');
  return `${name}+${keyIdOf(name, publicKey).toString('hex')}+${encoded}`;
}

/**
 * Reads a C2SP verifier key string (name+keyid+base64 key), throwing an error naming the part that is wrong,
 * including a key id that does not match the key.
 */
export function parseVerifierKey(text: string): VerifierKey {
  const s = typeof text === 'string' ? text.trim() : '';
  if (s.length === 0 || s.length > 1024) throw new Error('verifier key must be a line of at most 1024 characters');
  // Only the first two "+" separate parts: the base64 key may itself contain "+".
  const first = s.indexOf('+');
  const second = s.indexOf('+', first + 1);
  if (first === -1 || second === -1) throw new Error('verifier key must have three parts, name+keyid+key, separated by "+"');
  const [name, idHex, keyB64] = [s.slice(0, first), s.slice(first + 1, second), s.slice(second + 1)];
  checkKeyName(name, 'verifier key name');
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new Error('verifier key id must be 8 lowercase hexadecimal characters');
  const key = strictBase64(keyB64, 'verifier key');
  if (key[0] !== SIGNATURE_TYPE_ED25519) throw new Error(`verifier key type must be 0x01 (Ed25519), got 0x${(key[0] ?? 0).toString(16).padStart(2, '0')}`);
  if (key.length !== 1 + ED25519_KEY_SIZE) throw new Error(`verifier key must hold ${ED25519_KEY_SIZE} key bytes after its type byte, got ${key.length - 1}`);
  const publicKey = key.subarray(1);
  const keyId = keyIdOf(name, publicKey);
  if (keyId.toString('hex') !== idHex) throw new Error(`verifier key id ${idHex} does not match its name and key (expected ${keyId.toString('hex')})`);
  return { name, keyId, publicKey };
}

/** Reads a note from bytes (a file, a request body), refusing invalid UTF-8 rather than replacing it. */
export function decodeNote(bytes: Uint8Array): string {
  if (bytes.length > MAX_NOTE_BYTES) throw new Error(`note is larger than ${MAX_NOTE_BYTES} bytes`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error('note is not valid UTF-8');
  }
}

/**
 * Splits a signed note into its text and signature lines, enforcing the format's size, character and line
 * rules; it checks no signature.
 */
export function parseNote(note: string): ParsedNote {
  if (typeof note !== 'string') throw new Error('note must be text');
  if (Buffer.byteLength(note, 'utf8') > MAX_NOTE_BYTES) throw new Error(`note is larger than ${MAX_NOTE_BYTES} bytes`);
  const control = /[\u0000-\u0009\u000B-\u001F]/.exec(note);
  if (control) throw new Error(`note contains the control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')} (only newlines are allowed)`);
  if (!note.endsWith('\n')) throw new Error('note must end with a newline');
  const split = note.lastIndexOf('\n\n');
  if (split === -1) throw new Error('note has no blank line between its text and its signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new Error(`note has ${lines.length} signature lines, more than ${MAX_SIGNATURES}`);
  const signatures = lines.map((line, i) => parseSignatureLine(line, i + 1));
  return { text, signatures };
}

function parseSignatureLine(line: string, n: number): NoteSignature {
  if (!line.startsWith(EM_DASH_PREFIX)) throw new Error(`signature line ${n} must start with an em dash (U+2014) and a space`);
  const rest = line.slice(EM_DASH_PREFIX.length);
  const space = rest.lastIndexOf(' ');
  if (space <= 0) throw new Error(`signature line ${n} must be "— <key name> <base64 signature>"`);
  const name = rest.slice(0, space);
  checkKeyName(name, `signature line ${n} key name`);
  const bytes = strictBase64(rest.slice(space + 1), `signature line ${n}`);
  if (bytes.length < 5) throw new Error(`signature line ${n} must hold a 4-byte key id and a signature, got ${bytes.length} bytes`);
  return { name, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) };
}

/**
 * Joins a note text and its signature lines into the signed note format (text, blank line, one line per
 * signature).
 */
export function formatNote(text: string, signatures: readonly NoteSignature[]): string {
  const lines = signatures.map((s) => `${EM_DASH_PREFIX}${s.name} ${Buffer.concat([s.keyId, s.signature]).toString('base64')}\n`);
  return `${text}\n${lines.join('')}`;
}

/** Signs a note text (which must end with a newline) and returns the whole signed note. */
export function signNote(text: string, signer: NoteSigner): string {
  checkKeyName(signer.name, 'signer name');
  if (!text.endsWith('\n')) throw new Error('note text must end with a newline');
  const keyId = keyIdOf(signer.name, rawPublicKey(signer.privateKey));
  const signature = signEd25519(signer.privateKey, Buffer.from(text, 'utf8'));
  const note = formatNote(text, [{ name: signer.name, keyId, signature }]);
  parseNote(note); // refuse to emit what our own parser would reject (e.g. a control character in the text)
  return note;
}

/**
 * Verifies a note against one trusted key. Signatures by other keys are ignored, as the spec requires; the
 * note is refused when no signature is by this key or when a signature by this key does not verify.
 */
export function verifyNote(note: string, key: VerifierKey): NoteCheck {
  let parsed: ParsedNote;
  try {
    parsed = parseNote(note);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const mine = parsed.signatures.filter((s) => s.name === key.name && s.keyId.equals(key.keyId));
  if (mine.length === 0) {
    const present = parsed.signatures.map((s) => `${s.name}+${s.keyId.toString('hex')}`).join(', ');
    return { ok: false, reason: `the note carries no signature by ${key.name}+${key.keyId.toString('hex')} (it is signed by ${present})` };
  }
  const message = Buffer.from(parsed.text, 'utf8');
  for (const s of mine) {
    if (!verifyEd25519(key.publicKey, message, s.signature)) return { ok: false, reason: `the signature by ${key.name} does not match the note text` };
  }
  return { ok: true, text: parsed.text };
}

/** Standard base64 (RFC 4648 section 4) with padding, refusing anything that does not re-encode identically. */
export function strictBase64(value: string, what: string): Buffer {
  if (value.length === 0 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) throw new Error(`${what} is not padded standard base64`);
  const bytes = Buffer.from(value, 'base64');
  if (bytes.toString('base64') !== value) throw new Error(`${what} is not canonical base64`);
  return bytes;
}
