import { hash } from 'node:crypto';

/** RFC 6962/9162 domain separation: a leaf can never be mistaken for an interior node. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

const sha256 = (...parts: Uint8Array[]): Buffer => hash('sha256', Buffer.concat(parts), 'buffer');

/** SHA-256(0x00 || data). Any byte string may be a leaf (the published vectors use short ones). */
export const hashLeaf = (data: Uint8Array): Buffer => sha256(LEAF_PREFIX, data);

// Interior nodes are hashed millions of times when a large log is loaded: one reused input buffer instead of
// a concatenation per node roughly halves the time (measured on 1M leaves).
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE, NODE_PREFIX);

/** The hash of an inner Merkle node from its two children, SHA-256(0x01 || left || right) as RFC 6962 defines it. */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) return sha256(NODE_PREFIX, left, right);
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return hash('sha256', nodeInput, 'buffer');
}

/** The root of the empty tree is the hash of the empty string (RFC 9162 2.1.1). */
export const EMPTY_ROOT: Buffer = sha256();

const HEX_HASH = /^[0-9a-f]{64}$/;

/**
 * Reads a 64-character lowercase hex SHA-256 (the form event hashes and proof JSON use) into its 32 raw bytes;
 * `what` names the field in the error so a person can find the bad value.
 */
export function hashFromHex(hex: string, what = 'hash'): Buffer {
  if (typeof hex !== 'string' || !HEX_HASH.test(hex)) {
    throw new Error(`${what} must be 64 lowercase hexadecimal characters (a SHA-256), got ${describe(hex)}`);
  }
  return Buffer.from(hex, 'hex');
}

const leafInput = Buffer.alloc(1 + HASH_SIZE, LEAF_PREFIX);

/** The Merkle leaf of one event: its hash as the 32 raw bytes, not the hex text. */
export function leafHashOfEvent(eventHashHex: string): Buffer {
  if (typeof eventHashHex !== 'string' || !HEX_HASH.test(eventHashHex)) hashFromHex(eventHashHex, 'event hash');
  leafInput.write(eventHashHex, 1, 'hex');
  return hash('sha256', leafInput, 'buffer');
}

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function describe(value: unknown): string {
  if (typeof value !== 'string') return typeof value;
  return value.length > 80 ? `${JSON.stringify(value.slice(0, 80))}... (${value.length} characters)` : JSON.stringify(value);
}
