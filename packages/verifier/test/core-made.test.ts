import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The core side makes the checkpoints and proofs; this package must accept exactly what it makes.
import { MerkleTree } from '../../core/src/integrity/merkle.js';
import { signCheckpoint } from '../../core/src/integrity/checkpoint.js';
import { loadOrCreateSigningKey } from '../../core/src/integrity/signing-key.js';
import { consistencyProofJson, inclusionProofJson } from '../../core/src/integrity/proof-json.js';
import { markCheckpoint } from '../../core/src/integrity/extract-checkpoint.js';
import { runCli, verify } from '../src/index.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ragtrail-verifier-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const events = Array.from({ length: 300 }, (_, i) => createHash('sha256').update(`event ${i}`).digest('hex'));
const tree = MerkleTree.fromEventHashes(events);
const keyOf = () => loadOrCreateSigningKey(join(dir, 'ragtrail.db.key'), 'ragtrail.test/plans');
const checkpointAt = (size: number, t = tree) => signCheckpoint({ origin: 'ragtrail.test/plans', size, root: t.rootAt(size), extensions: [] }, keyOf());
const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('proofs made by core, checked by the verifier', () => {
  it('given an inclusion proof with its checkpoint inside, then the verifier says yes and names the event', () => {
    const proof = json(inclusionProofJson(tree, 123, 300, events[123]!, checkpointAt(300)));
    expect(verify({ key: keyOf().verifierKey, proof })).toMatchObject({
      ok: true, reason: `the event with hash ${events[123]} is event 123 of the 300 in the checkpointed log`,
    });
  });

  it('given a board report carrying the checkpoint of 120 events, when the log grew to 300, then the consistency proof holds', () => {
    const report = `# Board report\n\n\`\`\`text\n${markCheckpoint(checkpointAt(120))}\`\`\`\n`;
    const verdict = verify({ key: keyOf().verifierKey, checkpoint: checkpointAt(300), fromCheckpoint: report, proof: json(consistencyProofJson(tree, 120, 300)) });
    expect(verdict).toMatchObject({ ok: true, reason: expect.stringMatching(/^the log of 300 events extends, unchanged, the log of 120 events with root /) });
    expect(verdict.facts).toHaveLength(2);
  });

  it('given a history rewritten after the board saw it, then the verifier says no and why', () => {
    const rewritten = MerkleTree.fromEventHashes(events.map((e, i) => (i === 50 ? createHash('sha256').update('edited').digest('hex') : e)));
    const verdict = verify({
      key: keyOf().verifierKey, checkpoint: checkpointAt(300, rewritten), fromCheckpoint: checkpointAt(120), proof: json(consistencyProofJson(rewritten, 120, 300)),
    });
    expect(verdict).toMatchObject({ ok: false, reason: "the proof starts from a root other than the earlier checkpoint's" });
    // Even with the old root pasted into the proof, the path cannot reach both roots.
    const forged = { ...consistencyProofJson(rewritten, 120, 300), fromRoot: tree.rootAt(120).toString('hex') };
    expect(verify({ key: keyOf().verifierKey, checkpoint: checkpointAt(300, rewritten), proof: json(forged) }))
      .toMatchObject({ ok: false, reason: 'the first 120 leaves no longer hash to the earlier root' });
  });

  it('given the same checkpoint twice, then the log is unchanged; given a rewritten one of the same size, then it was rewritten', () => {
    expect(verify({ key: keyOf().verifierKey, checkpoint: checkpointAt(120), fromCheckpoint: checkpointAt(120) }))
      .toMatchObject({ ok: true, reason: 'the log is unchanged since the earlier checkpoint' });
    const rewritten = MerkleTree.fromEventHashes(events.slice(1));
    expect(verify({ key: keyOf().verifierKey, checkpoint: checkpointAt(120, rewritten), fromCheckpoint: checkpointAt(120) }))
      .toMatchObject({ ok: false, reason: 'the two checkpoints of 120 events have different roots: the log was rewritten' });
  });

  it('given a log cut below the earlier checkpoint, then the verifier says it shrank', () => {
    expect(verify({ key: keyOf().verifierKey, checkpoint: checkpointAt(100), fromCheckpoint: checkpointAt(120) }))
      .toMatchObject({ ok: false, reason: 'the log shrank: 100 events now, 120 in the earlier checkpoint' });
  });

  it.each([
    ['a changed event hash', (p: Record<string, unknown>) => ({ ...p, eventHash: events[124] }), 'the path does not lead from leaf 123 to the root of the tree of 300 leaves'],
    ['a changed path node', (p: Record<string, unknown>) => ({ ...p, path: (p.path as string[]).map((h, i) => (i === 2 ? h.replace(/^./, (c) => (c === '0' ? '1' : '0')) : h)) }), 'the path does not lead from leaf 123 to the root of the tree of 300 leaves'],
    ['a changed tree size', (p: Record<string, unknown>) => ({ ...p, treeSize: 301 }), 'the proof is for a tree of 301 leaves but the checkpoint is for 300'],
    ['a checkpoint with a changed size', (p: Record<string, unknown>) => ({ ...p, checkpoint: (p.checkpoint as string).replace('\n300\n', '\n301\n') }), 'checkpoint: the signature by ragtrail.test/plans does not match the checkpoint text'],
  ])('given an inclusion proof with %s, then the verifier says no', (_, tamper, reason) => {
    const proof = json(tamper(inclusionProofJson(tree, 123, 300, events[123]!, checkpointAt(300))));
    expect(verify({ key: keyOf().verifierKey, proof })).toMatchObject({ ok: false, reason });
  });

  it('refuses a checkpoint signed by another key under the same name', () => {
    const other = loadOrCreateSigningKey(join(dir, 'other.key'), 'ragtrail.test/plans');
    expect(verify({ key: other.verifierKey, checkpoint: checkpointAt(300) }))
      .toMatchObject({ ok: false, reason: `checkpoint: the checkpoint carries no signature by ${other.verifierKey.split('+').slice(0, 2).join('+')}` });
  });
});

describe('the ragtrail-verify command', () => {
  const run = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCli(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('given an html report, a key file and a proof file, then it prints yes and exits 0', () => {
    writeFileSync(join(dir, 'key.txt'), `${keyOf().verifierKey}\n`);
    writeFileSync(join(dir, 'report.html'), `<!doctype html><html><body><pre>${markCheckpoint(checkpointAt(300))}</pre></body></html>`);
    writeFileSync(join(dir, 'proof.json'), json(inclusionProofJson(tree, 7, 300, events[7]!)));
    const result = run(['--key', join(dir, 'key.txt'), '--checkpoint', join(dir, 'report.html'), '--proof', join(dir, 'proof.json')]);
    expect(result).toMatchObject({ code: 0, out: expect.stringMatching(/\nyes: the event with hash [0-9a-f]{64} is event 7 of the 300 in the checkpointed log$/) });
  });

  it('given a tampered proof, then it prints no with the reason and exits 1', () => {
    writeFileSync(join(dir, 'bad.json'), json({ ...inclusionProofJson(tree, 7, 300, events[7]!), leafIndex: 8 }));
    writeFileSync(join(dir, 'cp'), checkpointAt(300));
    expect(run(['--key', keyOf().verifierKey, '--checkpoint', join(dir, 'cp'), '--proof', join(dir, 'bad.json')]))
      .toMatchObject({ code: 1, out: expect.stringMatching(/\nno: the path does not lead from leaf 8 to the root of the tree of 300 leaves$/) });
  });

  it('names a missing file, and exits 2 on a usage error', () => {
    expect(run(['--key', keyOf().verifierKey, '--checkpoint', join(dir, 'nope')])).toMatchObject({ code: 1, out: `no: cannot read ${join(dir, 'nope')}: no such file` });
    expect(run(['--checkpoint', 'x'])).toMatchObject({ code: 2, err: expect.stringMatching(/^--key is required/) });
    expect(run(['--key'])).toMatchObject({ code: 2, err: expect.stringMatching(/^--key needs a value/) });
  });
});
