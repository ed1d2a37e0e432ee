import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { MerkleTree } from '../../core/src/integrity/merkle.js';
import * as core from '../../core/src/integrity/merkle-verify.js';
import { hashLeaf as coreHashLeaf } from '../../core/src/integrity/hashing.js';
import { hashLeaf, verifyConsistency, verifyInclusion } from '../src/index.js';

// The verifier repeats core's checks on purpose; this property keeps the two copies in step, tampered or not.
const flip = (b: Buffer, bit: number): Buffer => { const c = Buffer.from(b); c[bit >> 3]! ^= 1 << (bit & 7); return c; };
const trees = new Map<number, MerkleTree>();
const treeOf = (n: number): MerkleTree => {
  if (!trees.has(n)) trees.set(n, MerkleTree.fromEventHashes(Array.from({ length: n }, (_, i) => createHash('sha256').update(`${n}/${i}`).digest('hex'))));
  return trees.get(n)!;
};

const input = fc.record({
  n: fc.integer({ min: 1, max: 130 }), a: fc.nat(), b: fc.nat(), bit: fc.integer({ min: 0, max: 255 }),
  tamper: fc.constantFrom('none', 'leaf', 'path', 'root', 'drop', 'size'),
});

describe('core and the verifier agree', () => {
  it('on leaf hashing', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (data) => { expect(hashLeaf(data).equals(coreHashLeaf(data))).toBe(true); }));
  });

  it('on every inclusion proof, tampered or not', () => {
    fc.assert(fc.property(input, ({ n, a, b, bit, tamper }) => {
      const tree = treeOf(n);
      const size = 1 + (a % n);
      const index = b % size;
      let leaf = tree.leafHash(index);
      let path = tree.inclusionProof(index, size);
      let root = tree.rootAt(size);
      let claimed = size;
      if (tamper === 'leaf') leaf = flip(leaf, bit);
      if (tamper === 'path' && path.length > 0) path = path.map((p, i) => (i === bit % path.length ? flip(p, bit) : p));
      if (tamper === 'root') root = flip(root, bit);
      if (tamper === 'drop') path = path.slice(1);
      if (tamper === 'size') claimed = size + 1 + (bit % 5);
      const here = core.verifyInclusion(leaf, index, claimed, path, root);
      expect(verifyInclusion(leaf, index, claimed, path, root)).toEqual(here);
      if (tamper === 'none') expect(here).toEqual({ ok: true });
      if (tamper === 'leaf' || tamper === 'root') expect(here.ok).toBe(false);
    }), { numRuns: 300 });
  });

  it('on every consistency proof, tampered or not', () => {
    fc.assert(fc.property(input, ({ n, a, b, bit, tamper }) => {
      const tree = treeOf(n);
      const to = 1 + (a % n);
      const from = b % (to + 1);
      let proof = tree.consistencyProof(from, to);
      let fromRoot = tree.rootAt(from);
      let toRoot = tree.rootAt(to);
      let claimedFrom = from;
      if (tamper === 'leaf' || tamper === 'root') fromRoot = flip(fromRoot, bit);
      if (tamper === 'path' && proof.length > 0) proof = proof.map((p, i) => (i === bit % proof.length ? flip(p, bit) : p));
      if (tamper === 'drop') toRoot = flip(toRoot, bit);
      if (tamper === 'size') claimedFrom = Math.max(0, from - 1 - (bit % 3));
      const here = core.verifyConsistency(claimedFrom, to, fromRoot, toRoot, proof);
      expect(verifyConsistency(claimedFrom, to, fromRoot, toRoot, proof)).toEqual(here);
      if (tamper === 'none') expect(here).toEqual({ ok: true });
      // Every log extends the empty one, so only a non-empty earlier tree can be contradicted.
      if ((tamper === 'root' || tamper === 'drop') && from > 0) expect(here.ok).toBe(false);
    }), { numRuns: 300 });
  });
});
