import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MerkleTree } from '../../core/src/integrity/merkle.js';
import { signCheckpoint } from '../../core/src/integrity/checkpoint.js';
import { privateKeyFromSeed, rawPublicKey } from '../../core/src/integrity/ed25519.js';
import { formatVerifierKey } from '../../core/src/integrity/signed-note.js';
import { consistencyProofJson, inclusionProofJson } from '../../core/src/integrity/proof-json.js';
import { extractCheckpoint, runCli } from '../src/index.js';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/integrity.md', import.meta.url)), 'utf8');
/** The fenced blocks of docs/integrity.md that name a file after their language ("```text key.txt"). */
const files = Object.fromEntries([...doc.matchAll(/```(?:text|json) ([\w.-]+)\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!]));
const transcript = /```sh\n(\$ ragtrail-verify [\s\S]*?)```/.exec(doc)![1]!;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ragtrail-docs-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the worked example in docs/integrity.md', () => {
  it('is what core makes from the example key (seed SHA-256 of "ragtrail docs example key") and seven events', () => {
    const privateKey = privateKeyFromSeed(createHash('sha256').update('ragtrail docs example key').digest());
    const name = 'ragtrail.example/plans';
    const events = Array.from({ length: 7 }, (_, i) => createHash('sha256').update(`example event ${i}`).digest('hex'));
    const tree = MerkleTree.fromEventHashes(events);
    const at = (size: number) => signCheckpoint({ origin: name, size, root: tree.rootAt(size), extensions: [] }, { name, privateKey });
    expect(files['key.txt']).toBe(`${formatVerifierKey(name, rawPublicKey(privateKey))}\n`);
    expect(files['checkpoint.txt']).toBe(at(7));
    expect(files['earlier-checkpoint.txt']).toBe(at(4));
    expect(JSON.parse(files['inclusion.json']!)).toEqual(inclusionProofJson(tree, 5, 7, events[5]!));
    expect(JSON.parse(files['consistency.json']!)).toEqual(consistencyProofJson(tree, 4, 7));
  });

  it('prints, run by the verifier, exactly the transcript the page shows', () => {
    const runs = transcript.split(/^\$ /m).filter(Boolean);
    expect(runs).toHaveLength(2);
    for (const run of runs) {
      const [command, ...expected] = run.trimEnd().split('\n');
      const args = command!.split(' ').slice(1).map((a) => (a.startsWith('--') ? a : join(dir, a)));
      const out: string[] = [];
      expect(runCli(args, { stdout: (l) => out.push(l), stderr: (l) => out.push(l) })).toBe(0);
      expect(out).toEqual(expected);
    }
  });

  it('shows a report block the extractor reads as the earlier checkpoint', () => {
    const marked = /```text\n(-----BEGIN RAGTRAIL CHECKPOINT-----\n[\s\S]*?)```/.exec(doc)![1]!;
    expect(extractCheckpoint(`# report\n\n\`\`\`text\n${marked}\`\`\`\n`)).toBe(files['earlier-checkpoint.txt']);
  });
});
