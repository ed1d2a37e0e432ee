/*
 * Deliberately repeated from @ragtrail/core (integrity/hashing.ts, integrity/merkle-verify.ts): this package
 * depends on nothing but Node, so an auditor can read every line that decides yes or no. RFC 9162 2.1.3.2
 * (inclusion) and 2.1.4.2 (consistency), with sizes and path lengths bounded against hostile input.
 */
import { createHash } from 'node:crypto';

export type Check = { ok: true } | { ok: false; reason: string };

const HASH_SIZE = 32;
const MAX_PATH = 64;

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** SHA-256(0x00 || data) */
export const hashLeaf = (data: Uint8Array): Buffer => sha256(Buffer.from([0x00]), data);
/** SHA-256(0x01 || left || right) */
export const hashChildren = (left: Uint8Array, right: Uint8Array): Buffer => sha256(Buffer.from([0x01]), left, right);

const fail = (reason: string): Check => ({ ok: false, reason });
const isSize = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const half = (n: number): number => Math.floor(n / 2);
const odd = (n: number): boolean => n % 2 === 1;
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const isPowerOfTwo = (n: number): boolean => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

function badHashes(hashes: readonly Uint8Array[], what: string): string | null {
  if (hashes.length > 2 * MAX_PATH) return `${what} has ${hashes.length} hashes, more than any tree needs`;
  const wrong = hashes.findIndex((h) => h.length !== HASH_SIZE);
  return wrong === -1 ? null : `${what}[${wrong}] is ${hashes[wrong]!.length} bytes, not ${HASH_SIZE}`;
}

export function verifyInclusion(leaf: Uint8Array, index: number, size: number, path: readonly Uint8Array[], root: Uint8Array): Check {
  if (!isSize(size)) return fail(`tree size ${size} is not a whole number`);
  if (!isSize(index) || index >= size) return fail(`leaf index ${index} is not below the tree size ${size}`);
  if (leaf.length !== HASH_SIZE || root.length !== HASH_SIZE) return fail(`the leaf hash and the root must be ${HASH_SIZE} bytes`);
  const bad = badHashes(path, 'path');
  if (bad) return fail(bad);
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of path) {
    if (sn === 0) return fail(`the path is longer than a tree of ${size} leaves needs`);
    if (odd(fn) || fn === sn) {
      r = hashChildren(p, r);
      while (!odd(fn) && fn !== 0) { fn = half(fn); sn = half(sn); }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail(`the path is shorter than a tree of ${size} leaves needs`);
  return same(r, root) ? { ok: true } : fail(`the path does not lead from leaf ${index} to the root of the tree of ${size} leaves`);
}

export function verifyConsistency(fromSize: number, toSize: number, fromRoot: Uint8Array, toRoot: Uint8Array, proof: readonly Uint8Array[]): Check {
  if (!isSize(fromSize) || !isSize(toSize)) return fail(`tree sizes ${fromSize} and ${toSize} must be whole numbers`);
  if (fromSize > toSize) return fail(`the log shrank: ${toSize} leaves now, ${fromSize} in the earlier tree`);
  if (fromRoot.length !== HASH_SIZE || toRoot.length !== HASH_SIZE) return fail(`roots must be ${HASH_SIZE} bytes`);
  const bad = badHashes(proof, 'proof');
  if (bad) return fail(bad);
  if (fromSize === 0) return proof.length === 0 ? { ok: true } : fail('a proof from the empty tree must be empty');
  if (fromSize === toSize) {
    if (proof.length !== 0) return fail('a proof between equal sizes must be empty');
    return same(fromRoot, toRoot) ? { ok: true } : fail(`the two trees of ${toSize} leaves have different roots`);
  }
  if (proof.length === 0) return fail(`an empty proof cannot show that ${fromSize} leaves extend to ${toSize}`);
  const nodes = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : [...proof];
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (odd(fn)) { fn = half(fn); sn = half(sn); }
  let fr: Uint8Array = nodes[0]!;
  let sr: Uint8Array = nodes[0]!;
  for (const c of nodes.slice(1)) {
    if (sn === 0) return fail(`the proof is longer than trees of ${fromSize} and ${toSize} leaves need`);
    if (odd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!odd(fn) && fn !== 0) { fn = half(fn); sn = half(sn); }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail(`the proof is shorter than trees of ${fromSize} and ${toSize} leaves need`);
  if (!same(fr, fromRoot)) return fail(`the first ${fromSize} leaves no longer hash to the earlier root`);
  if (!same(sr, toRoot)) return fail(`the proof does not lead to the root of the tree of ${toSize} leaves`);
  return { ok: true };
}
