import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Raw Ed25519 keys (the 32-byte forms RFC 8032 and signed notes use) to and from node:crypto KeyObjects.
 * node:crypto reads DER, so the raw bytes are wrapped in the fixed PKCS#8 / SubjectPublicKeyInfo prefixes
 * of the Ed25519 OID 1.3.101.112 (RFC 8410).
 */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const ED25519_KEY_SIZE = 32;

export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== ED25519_KEY_SIZE) throw new Error(`an Ed25519 private key is ${ED25519_KEY_SIZE} bytes, got ${seed.length}`);
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== ED25519_KEY_SIZE) throw new Error(`an Ed25519 public key is ${ED25519_KEY_SIZE} bytes, got ${raw.length}`);
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The 32 raw bytes of the public half of an Ed25519 key (private or public KeyObject). */
export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key, got ${publicKey.asymmetricKeyType ?? key.type}`);
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

export const signEd25519 = (privateKey: KeyObject, message: Uint8Array): Buffer => sign(null, message, privateKey);

export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  return verify(null, message, publicKeyFromRaw(publicKey), signature);
}
