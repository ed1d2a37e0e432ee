import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hashChildren, hashLeaf, EMPTY_ROOT } from '../../src/integrity/hashing.js';
import { MerkleTree } from '../../src/integrity/merkle.js';
import { verifyConsistency, verifyInclusion } from '../../src/integrity/merkle-verify.js';

/** MTH straight from the RFC's recursive definition, to cross-check the stored-level tree. */
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return hashChildren(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

const leavesOf = (n: number, salt: number): Buffer[] => Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`${salt}:${i}`)));
const treeOf = (leaves: Buffer[]): MerkleTree => {
  const tree = new MerkleTree();
  for (const leaf of leaves) tree.appendLeafHash(leaf);
  return tree;
};
const flip = (b: Buffer, bit: number): Buffer => { const c = Buffer.from(b); c[bit >> 3]! ^= 1 << (bit & 7); return c; };

// A tree of up to 300 leaves, a size within it and an index within that size.
const scenario = fc.integer({ min: 1, max: 300 }).chain((n) => fc.record({
  n: fc.constant(n), size: fc.integer({ min: 1, max: n }), salt: fc.nat(), bit: fc.integer({ min: 0, max: 255 }),
})).chain((s) => fc.record({ s: fc.constant(s), index: fc.integer({ min: 0, max: s.size - 1 }), from: fc.integer({ min: 0, max: s.size }) }));

/*
 * A proof alone does not bind the tree size (the paths of leaf 0 in trees of 13 and 14 leaves have the same shape):
 * the signed checkpoint binds size to root, so tampered sizes are tested against checkpoints in proof-json.test.ts.
 */
describe('Merkle tree properties', () => {
  it('computes the root of every prefix as the RFC definition does', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.nat(), (n, salt) => {
      const leaves = leavesOf(n, salt);
      const tree = treeOf(leaves);
      for (const size of [0, Math.floor(n / 2), n]) expect(tree.rootAt(size).equals(referenceRoot(leaves.slice(0, size)))).toBe(true);
    }));
  });

  it('makes inclusion proofs that verify, and that fail for another leaf, a flipped path bit, a cut or padded path', () => {
    fc.assert(fc.property(scenario, ({ s, index }) => {
      const tree = treeOf(leavesOf(s.n, s.salt));
      const root = tree.rootAt(s.size);
      const path = tree.inclusionProof(index, s.size);
      const leaf = tree.leafHash(index);
      expect(verifyInclusion(leaf, index, s.size, path, root)).toEqual({ ok: true });
      expect(verifyInclusion(flip(leaf, s.bit), index, s.size, path, root).ok).toBe(false);
      if (path.length > 0) {
        const at = s.bit % path.length;
        const bent = path.map((p, i) => (i === at ? flip(p, s.bit) : p));
        expect(verifyInclusion(leaf, index, s.size, bent, root).ok).toBe(false);
        expect(verifyInclusion(leaf, index, s.size, path.slice(1), root).ok).toBe(false);
      }
      expect(verifyInclusion(leaf, index, s.size, [...path, root], root).ok).toBe(false);
      expect(verifyInclusion(leaf, index, s.size, path, flip(root, s.bit)).ok).toBe(false);
    }), { numRuns: 200 });
  });

  it('makes consistency proofs that verify, and that fail for a changed old leaf, a wrong old root or a flipped proof bit', () => {
    fc.assert(fc.property(scenario, ({ s, from }) => {
      const leaves = leavesOf(s.n, s.salt);
      const tree = treeOf(leaves);
      const proof = tree.consistencyProof(from, s.size);
      const oldRoot = tree.rootAt(from);
      const newRoot = tree.rootAt(s.size);
      expect(verifyConsistency(from, s.size, oldRoot, newRoot, proof)).toEqual({ ok: true });
      if (from > 0) {
        // The history was rewritten: one old leaf changed, everything re-hashed.
        const rewritten = treeOf(leaves.map((l, i) => (i === s.bit % from ? flip(l, s.bit) : l)));
        expect(verifyConsistency(from, s.size, oldRoot, rewritten.rootAt(s.size), rewritten.consistencyProof(from, s.size)).ok).toBe(false);
        expect(verifyConsistency(from, s.size, flip(oldRoot, s.bit), newRoot, proof).ok).toBe(false);
      }
      if (proof.length > 0) {
        const at = s.bit % proof.length;
        expect(verifyConsistency(from, s.size, oldRoot, newRoot, proof.map((p, i) => (i === at ? flip(p, s.bit) : p))).ok).toBe(false);
      }
    }), { numRuns: 200 });
  });

  it('says a log that shrank below the checkpoint shrank', () => {
    const tree = treeOf(leavesOf(10, 1));
    expect(verifyConsistency(10, 9, tree.rootAt(10), tree.rootAt(9), [])).toEqual({ ok: false, reason: 'the log shrank: 9 leaves now, 10 in the earlier tree' });
  });

  it('refuses hostile proof shapes without hashing them', () => {
    const root = treeOf(leavesOf(4, 2)).rootAt();
    const leaf = leavesOf(1, 2)[0]!;
    expect(verifyInclusion(leaf, 0, 4, Array.from({ length: 1000 }, () => root), root).ok).toBe(false);
    expect(verifyInclusion(leaf, 0, 4, [Buffer.alloc(31), root], root)).toEqual({ ok: false, reason: 'path[0] is 31 bytes, not 32' });
    expect(verifyInclusion(leaf, 4, 4, [], root)).toEqual({ ok: false, reason: 'leaf index 4 is not below the tree size 4' });
    expect(verifyInclusion(leaf, 0, 2 ** 60, [], root).ok).toBe(false);
  });
});
