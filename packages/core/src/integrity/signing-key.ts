import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ED25519_KEY_SIZE, privateKeyFromSeed, rawPublicKey } from './ed25519.js';
import { checkKeyName, formatVerifierKey, keyIdOf, type NoteSigner } from './signed-note.js';

/**
 * A log's Ed25519 signing key in a file of its own, never in the log. The file holds a PKCS#8 PEM private key
 * (what `openssl genpkey -algorithm ed25519` writes); a 32-byte raw seed file is read too. It is created on
 * first use with mode 0600, and on POSIX systems a key file that group or others may read or write is refused
 * (as ssh refuses a loose private key): whoever can read the key can sign a rewritten history.
 */
export type SigningKey = NoteSigner & {
  path: string;
  publicKey: Buffer;
  keyId: Buffer;
  /** The C2SP verifier key string readers pass to a verifier. */
  verifierKey: string;
  /** True when this call created the file (the caller records the new public key in the log). */
  created: boolean;
};

const MAX_KEY_FILE = 4096;

/**
 * Loads the log's Ed25519 signing key from `path`, or creates it there (mode 0600) on first use; concurrent
 * first uses end up with one key.
 */
export function loadOrCreateSigningKey(path: string, name: string): SigningKey {
  checkKeyName(name, 'log name');
  if (existsSync(path)) return describe(path, name, readKey(path), false);
  const privateKey = generateKeyPairSync('ed25519').privateKey;
  const created = writeExclusive(path, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  // Another process may have created the file first: its key wins, so every instance signs with one key.
  return describe(path, name, created ? privateKey : readKey(path), created);
}

/**
 * Loads an existing signing key from `path`, throwing when the file is missing or readable by others, and
 * never creating one.
 */
export function loadSigningKey(path: string, name: string): SigningKey {
  checkKeyName(name, 'log name');
  if (!existsSync(path)) throw new Error(`signing key file ${path} does not exist`);
  return describe(path, name, readKey(path), false);
}

function describe(path: string, name: string, privateKey: KeyObject, created: boolean): SigningKey {
  const publicKey = rawPublicKey(privateKey);
  return { path, name, privateKey, publicKey, keyId: keyIdOf(name, publicKey), verifierKey: formatVerifierKey(name, publicKey), created };
}

function readKey(path: string): KeyObject {
  const stat = statSync(path);
  if (!stat.isFile()) throw new Error(`signing key ${path} is not a file`);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new Error(`signing key ${path} may be read or written by other users (mode ${(stat.mode & 0o777).toString(8)}): run chmod 600 ${path}`);
  }
  if (stat.size > MAX_KEY_FILE) throw new Error(`signing key ${path} is ${stat.size} bytes, too large for an Ed25519 key`);
  const bytes = readFileSync(path);
  if (bytes.length === ED25519_KEY_SIZE) return privateKeyFromSeed(bytes);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: bytes, format: 'pem' });
  } catch {
    throw new Error(`signing key ${path} is neither a PKCS#8 PEM private key nor a 32-byte Ed25519 seed`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`signing key ${path} is a ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}

/**
 * Writes the whole file under a temporary name, then links it into place: the key file either does not exist
 * or is complete, and an existing key is never overwritten. Returns false when another process won the race.
 */
function writeExclusive(path: string, contents: string): boolean {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o600);
  } catch (error) {
    throw new Error(`cannot create the signing key ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? `the folder ${dirname(path)} does not exist` : (error as Error).message}`);
  }
  try {
    writeSync(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}
