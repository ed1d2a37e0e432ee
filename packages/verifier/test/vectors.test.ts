import { describe, it, expect } from 'vitest';
import { hashLeaf, parseVerifierKey, verifyCheckpoint, verifyConsistency, verifyInclusion } from '../src/index.js';

/*
 * Known answers checked with this package alone. Tree: the transparency-dev/merkle vectors (testonly/constants.go,
 * testonly/reference_test.go, carried over from certificate-transparency's C++ tests), whose leaves are short
 * byte strings. Signature: a sum.golang.org checkpoint quoted in the sigsum project's documentation, under the
 * key the go command trusts.
 */
const h = (hex: string): Buffer => Buffer.from(hex, 'hex');
const leaf = (hex: string): Buffer => hashLeaf(h(hex));
const ROOT_5 = h('4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4');
const ROOT_8 = h('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
const ROOT_6 = h('76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef');
const SUMDB_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';
const SUMDB_CHECKPOINT = 'go.sum database tree\n49189689\nftjbAOzaupaIvaPo/G+Dk63nxOZ2s1OPOKIaPtXs7S4=\n\n'
  + '— sum.golang.org Az3grlKZssqRoMNPpZfKt0TphbbcF+pzXqElURJKRNFKfaUAgqeI5k2AORH0QAhg/ebRwyIqD/OqP4oLtLnNumvOBAM=\n';

describe('the verifier on published vectors', () => {
  it('accepts the published audit path of leaf 1 in the tree of 5 and of leaf 5 in the tree of 8', () => {
    expect(verifyInclusion(leaf('00'), 1, 5, [
      h('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'),
      h('5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e'),
      h('bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b')], ROOT_5)).toEqual({ ok: true });
    expect(verifyInclusion(leaf('40414243'), 5, 8, [
      h('bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'),
      h('ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0'),
      h('d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7')], ROOT_8)).toEqual({ ok: true });
  });

  it('accepts the published consistency proof 6 -> 8 and refuses it against the tree of 5', () => {
    const proof = [
      h('0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a'),
      h('ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0'),
      h('d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7')];
    expect(verifyConsistency(6, 8, ROOT_6, ROOT_8, proof)).toEqual({ ok: true });
    expect(verifyConsistency(6, 8, ROOT_5, ROOT_8, proof)).toEqual({ ok: false, reason: 'the first 6 leaves no longer hash to the earlier root' });
  });

  it('checks the signature of a real checkpoint, then holds it to the rule that the origin names the key', () => {
    expect(verifyCheckpoint(SUMDB_CHECKPOINT, parseVerifierKey(SUMDB_KEY)))
      .toEqual({ ok: false, reason: 'the checkpoint is for the log go.sum database tree, not sum.golang.org' });
    expect(verifyCheckpoint(SUMDB_CHECKPOINT.replace('49189689', '49189688'), parseVerifierKey(SUMDB_KEY)))
      .toEqual({ ok: false, reason: 'the signature by sum.golang.org does not match the checkpoint text' });
  });
});
