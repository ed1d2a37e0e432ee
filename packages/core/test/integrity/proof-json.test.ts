import { describe, it, expect } from 'vitest';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { MerkleTree } from '../../src/integrity/merkle.js';
import { signCheckpoint, verifyCheckpoint, type Checkpoint } from '../../src/integrity/checkpoint.js';
import { rawPublicKey } from '../../src/integrity/ed25519.js';
import { formatVerifierKey, parseVerifierKey } from '../../src/integrity/signed-note.js';
import { checkProofAgainst, consistencyProofJson, inclusionProofJson, parseProofJson } from '../../src/integrity/proof-json.js';

const eventHashes = Array.from({ length: 50 }, (_, i) => createHash('sha256').update(`event ${i}`).digest('hex'));
const tree = MerkleTree.fromEventHashes(eventHashes);
const signer = { name: 'ragtrail.test/log', privateKey: generateKeyPairSync('ed25519').privateKey };
const key = parseVerifierKey(formatVerifierKey(signer.name, rawPublicKey(signer.privateKey)));
const checkpointAt = (size: number): Checkpoint => ({ origin: signer.name, size, root: tree.rootAt(size), extensions: [] });
const signedAt = (size: number): string => signCheckpoint(checkpointAt(size), signer);

describe('proof files', () => {
  it('given an inclusion proof written for event 17, when read back against the signed checkpoint, then it holds', () => {
    const note = signedAt(40);
    const proof = parseProofJson(JSON.stringify(inclusionProofJson(tree, 17, 40, eventHashes[17]!, note)));
    const checked = verifyCheckpoint(proof.checkpoint!, key);
    expect(checked.ok && checkProofAgainst(proof, checked.checkpoint)).toEqual({ ok: true });
  });

  it('given a consistency proof 25 -> 50, when checked against the later checkpoint, then it holds and names the earlier root', () => {
    const proof = consistencyProofJson(tree, 25, 50);
    expect(proof.fromRoot).toBe(tree.rootAt(25).toString('hex'));
    expect(checkProofAgainst(parseProofJson(JSON.stringify(proof)), checkpointAt(50))).toEqual({ ok: true });
  });

  it('fails a proof whose size differs from the checkpoint it is checked against', () => {
    const inclusion = { ...inclusionProofJson(tree, 3, 40, eventHashes[3]!), treeSize: 41 };
    expect(checkProofAgainst(inclusion, checkpointAt(40))).toEqual({ ok: false, reason: 'the proof is for a tree of 41 leaves but the checkpoint is for 40' });
    expect(checkProofAgainst(consistencyProofJson(tree, 10, 40), checkpointAt(41)))
      .toEqual({ ok: false, reason: 'the proof reaches a tree of 40 leaves but the checkpoint is for 41' });
  });

  it('fails an inclusion proof for an event that is not at that index', () => {
    const proof = { ...inclusionProofJson(tree, 3, 40, eventHashes[3]!), eventHash: eventHashes[4]! };
    expect(checkProofAgainst(proof, checkpointAt(40))).toEqual({ ok: false, reason: 'the path does not lead from leaf 3 to the root of the tree of 40 leaves' });
  });

  it('refuses to write a proof for an event hash that is not the leaf at that index', () => {
    expect(() => inclusionProofJson(tree, 3, 40, eventHashes[4]!)).toThrow(`event hash ${eventHashes[4]} is not leaf 3 of the log`);
  });

  it.each([
    ['not JSON', '{', /^the proof is not JSON/],
    ['no type', '{}', 'proof type must be "inclusion" or "consistency"'],
    ['both leaf forms', JSON.stringify({ type: 'inclusion', leafIndex: 0, treeSize: 1, leafHash: 'a'.repeat(64), eventHash: 'a'.repeat(64), path: [] }), 'proof leafHash: give exactly one of leafHash and eventHash'],
    ['an index past the size', JSON.stringify({ type: 'inclusion', leafIndex: 1, treeSize: 1, leafHash: 'a'.repeat(64), path: [] }), 'proof leafIndex: leafIndex must be below treeSize'],
    ['uppercase hex', JSON.stringify({ type: 'consistency', fromSize: 1, toSize: 2, fromRoot: 'A'.repeat(64), path: [] }), 'proof fromRoot: must be 64 lowercase hexadecimal characters (a SHA-256)'],
    ['a fractional size', JSON.stringify({ type: 'consistency', fromSize: 1.5, toSize: 2, fromRoot: 'a'.repeat(64), path: [] }), /^proof fromSize: /],
  ])('refuses a proof file with %s, naming the field', (_, text, message) => {
    expect(() => parseProofJson(text)).toThrow(message);
  });
});
