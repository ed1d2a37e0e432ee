import { describe, it, expect } from 'vitest';
import { EMPTY_ROOT, hashLeaf, toHex } from '../../src/integrity/hashing.js';
import { MerkleTree } from '../../src/integrity/merkle.js';
import { verifyConsistency, verifyInclusion } from '../../src/integrity/merkle-verify.js';

/*
 * Known answers from the transparency-dev/merkle project (testonly/constants.go and testonly/reference_test.go),
 * which carries them over from Google's certificate-transparency C++ tests (merkle_tree_test.cc). The eight leaf
 * inputs are short byte strings, so the tree is fed hashLeaf(input); ragtrail's own leaves are 32-byte event hashes
 * but the hashing is the same.
 */
const LEAF_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION: { index: number; size: number; path: string[] }[] = [
  { index: 0, size: 1, path: [] },
  { index: 0, size: 2, path: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7'] },
  { index: 1, size: 2, path: ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'] },
  { index: 2, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  { index: 1, size: 5, path: [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
  { index: 0, size: 8, path: [
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { index: 5, size: 8, path: [
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
];
const CONSISTENCY: { from: number; to: number; proof: string[] }[] = [
  { from: 1, to: 1, proof: [] },
  { from: 1, to: 8, proof: [
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { from: 2, to: 5, proof: [
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
  { from: 6, to: 8, proof: [
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
];

const tree = new MerkleTree();
for (const input of LEAF_INPUTS) tree.appendLeafHash(hashLeaf(Buffer.from(input, 'hex')));
const bytes = (hex: string): Buffer => Buffer.from(hex, 'hex');

describe('the Merkle tree against the published RFC 6962 vectors', () => {
  it('gives the empty tree the hash of the empty string', () => {
    expect(toHex(EMPTY_ROOT)).toBe(ROOTS[0]);
    expect(toHex(new MerkleTree().rootAt(0))).toBe(ROOTS[0]);
  });

  it.each(ROOTS.map((root, size) => ({ size, root })))('has the published root for $size leaves', ({ size, root }) => {
    expect(toHex(tree.rootAt(size))).toBe(root);
  });

  it.each(INCLUSION)('makes and accepts the published audit path of leaf $index in $size', ({ index, size, path }) => {
    expect(tree.inclusionProof(index, size).map(toHex)).toEqual(path);
    expect(verifyInclusion(tree.leafHash(index), index, size, path.map(bytes), tree.rootAt(size))).toEqual({ ok: true });
  });

  it.each(CONSISTENCY)('makes and accepts the published consistency proof $from -> $to', ({ from, to, proof }) => {
    expect(tree.consistencyProof(from, to).map(toHex)).toEqual(proof);
    expect(verifyConsistency(from, to, tree.rootAt(from), tree.rootAt(to), proof.map(bytes))).toEqual({ ok: true });
  });

  it('refuses a published path offered for the wrong leaf, naming the leaf and the size', () => {
    const { path } = INCLUSION[6]!;
    expect(verifyInclusion(tree.leafHash(4), 4, 8, path.map(bytes), tree.rootAt(8)))
      .toEqual({ ok: false, reason: 'the path does not lead from leaf 4 to the root of the tree of 8 leaves' });
  });
});
