import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { MerkleTree } from '../../src/integrity/merkle.js';
import { checkLogExtends } from '../../src/integrity/check-log.js';

const events = Array.from({ length: 40 }, (_, i) => createHash('sha256').update(`e${i}`).digest('hex'));
const checkpointOf = (tree: MerkleTree, size: number) => ({ origin: 'ragtrail.test/log', size, root: tree.rootAt(size), extensions: [] });
const original = MerkleTree.fromEventHashes(events.slice(0, 30));
const taken = checkpointOf(original, 30);

describe('checking today\'s log against a checkpoint', () => {
  it('given events appended after the checkpoint, then the log extends it', () => {
    expect(checkLogExtends(MerkleTree.fromEventHashes(events), taken)).toEqual({ ok: true, checkpointSize: 30, logSize: 40 });
  });

  it('given the last event deleted, then it says the log is shorter', () => {
    expect(checkLogExtends(MerkleTree.fromEventHashes(events.slice(0, 29)), taken)).toMatchObject({
      ok: false, problem: 'log-shorter', message: 'the log has 29 events but the checkpoint of ragtrail.test/log covers 30: events were removed',
    });
  });

  it.each([
    ['an edited event', events.map((e, i) => (i === 12 ? createHash('sha256').update('edited').digest('hex') : e))],
    ['a deleted middle event, then more appended', [...events.slice(0, 12), ...events.slice(13)]],
    ['two events swapped', events.map((e, i) => (i === 3 ? events[4]! : i === 4 ? events[3]! : e))],
  ])('given %s, then it says the first events no longer hash to the root', (_, log) => {
    expect(checkLogExtends(MerkleTree.fromEventHashes(log), taken)).toMatchObject({
      ok: false, problem: 'root-mismatch', message: 'the first 30 events of the log no longer hash to the root of the checkpoint of ragtrail.test/log: the log was changed',
    });
  });
});
