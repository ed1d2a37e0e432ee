import { HASH_SIZE, hashChildren } from './hashing.js';

/**
 * Checks Merkle proofs received from elsewhere (RFC 9162 2.1.3.2 and 2.1.4.2). Every function answers
 * { ok: false, reason } instead of throwing, so a caller can print why a proof failed; sizes are bounded so a
 * hostile proof cannot make the check loop or allocate without limit.
 */
export type ProofCheck = { ok: true } | { ok: false; reason: string };

/** Sizes are safe integers (< 2^53), so no tree is deeper than 53 levels: 64 leaves headroom, no more. */
const MAX_PATH = 64;

const fail = (reason: string): ProofCheck => ({ ok: false, reason });
const isSize = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const half = (n: number): number => Math.floor(n / 2);
const odd = (n: number): boolean => n % 2 === 1;
const isPowerOfTwo = (n: number): boolean => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

function badHashes(hashes: readonly Uint8Array[], what: string): string | null {
  if (hashes.length > 2 * MAX_PATH) return `${what} has ${hashes.length} hashes, more than any tree of 2^53 leaves needs`;
  const wrong = hashes.findIndex((h) => h.length !== HASH_SIZE);
  return wrong === -1 ? null : `${what}[${wrong}] is ${hashes[wrong]!.length} bytes, not ${HASH_SIZE}`;
}

/**
 * Checks an RFC 6962 inclusion proof: that the leaf at `leafIndex` is in the tree of `treeSize` leaves whose
 * root is `root`.
 */
export function verifyInclusion(
  leafHash: Uint8Array, leafIndex: number, treeSize: number, path: readonly Uint8Array[], root: Uint8Array,
): ProofCheck {
  if (!isSize(treeSize)) return fail(`tree size ${treeSize} is not a whole number`);
  if (!isSize(leafIndex) || leafIndex >= treeSize) return fail(`leaf index ${leafIndex} is not below the tree size ${treeSize}`);
  if (leafHash.length !== HASH_SIZE || root.length !== HASH_SIZE) return fail(`the leaf hash and the root must be ${HASH_SIZE} bytes`);
  const bad = badHashes(path, 'path');
  if (bad) return fail(bad);
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Uint8Array = leafHash;
  for (const p of path) {
    if (sn === 0) return fail(`the path is longer than a tree of ${treeSize} leaves needs`);
    if (odd(fn) || fn === sn) {
      r = hashChildren(p, r);
      // Climb past the levels where this node is a lone right edge with no sibling.
      while (!odd(fn) && fn !== 0) { fn = half(fn); sn = half(sn); }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail(`the path is shorter than a tree of ${treeSize} leaves needs`);
  if (!Buffer.from(r).equals(Buffer.from(root))) return fail(`the path does not lead from leaf ${leafIndex} to the root of the tree of ${treeSize} leaves`);
  return { ok: true };
}

/**
 * Checks an RFC 6962 consistency proof: that the tree of `fromSize` leaves with `fromRoot` is a prefix of
 * the tree of `toSize` leaves with `toRoot`, so nothing earlier was rewritten.
 */
export function verifyConsistency(
  fromSize: number, toSize: number, fromRoot: Uint8Array, toRoot: Uint8Array, proof: readonly Uint8Array[],
): ProofCheck {
  if (!isSize(fromSize) || !isSize(toSize)) return fail(`tree sizes ${fromSize} and ${toSize} must be whole numbers`);
  if (fromSize > toSize) return fail(`the log shrank: ${toSize} leaves now, ${fromSize} in the earlier tree`);
  if (fromRoot.length !== HASH_SIZE || toRoot.length !== HASH_SIZE) return fail(`roots must be ${HASH_SIZE} bytes`);
  const bad = badHashes(proof, 'proof');
  if (bad) return fail(bad);
  if (fromSize === 0) {
    // Every tree extends the empty one; a proof here would be padding an attacker could hide data in.
    return proof.length === 0 ? { ok: true } : fail('a proof from the empty tree must be empty');
  }
  if (fromSize === toSize) {
    if (proof.length !== 0) return fail('a proof between equal sizes must be empty');
    return Buffer.from(fromRoot).equals(Buffer.from(toRoot))
      ? { ok: true } : fail(`the two trees of ${toSize} leaves have different roots`);
  }
  if (proof.length === 0) return fail(`an empty proof cannot show that ${fromSize} leaves extend to ${toSize}`);
  // When the old tree is a complete subtree its root is the proof's implied first node.
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
  if (!Buffer.from(fr).equals(Buffer.from(fromRoot))) return fail(`the first ${fromSize} leaves no longer hash to the earlier root`);
  if (!Buffer.from(sr).equals(Buffer.from(toRoot))) return fail(`the proof does not lead to the root of the tree of ${toSize} leaves`);
  return { ok: true };
}
