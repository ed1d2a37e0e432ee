// Each packed package, checked the way the ecosystem checks packages: publint (package.json
// against the files shipped) and Are the Types Wrong (types resolve as Node ESM and bundlers do).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, cleanEnv, packAll, publishedPackages, root } from './packages.js';

const dir = mkdtempSync(join(tmpdir(), 'ragtrail-lint-'));
let tarballs = new Map<string, string>();

beforeAll(() => {
  build();
  tarballs = packAll(dir);
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }), 120_000);

describe.each(publishedPackages().map((p) => p.name))('%s as packed', (name) => {
  it('publint reports nothing, suggestions included', { timeout: 120_000 }, async () => {
    const file = readFileSync(tarballs.get(name)!);
    const tarball = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
    expect(messages.map((m) => formatMessage(m, pkg))).toEqual([]);
  });

  it('Are the Types Wrong (esm-only profile) finds no problem', { timeout: 120_000 }, () => {
    const attw = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    const run = spawnSync(process.execPath, [attw, tarballs.get(name)!, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'], { encoding: 'utf8', env: cleanEnv() });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });
});
