// A developer who has never seen the repository: the packed packages installed by npm into an
// empty folder outside the workspace, the core README's example run there by plain node, its
// TypeScript twin and a consumer file type-checked against the shipped declarations, and the
// installed `ragtrail` command run from its bin.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, cleanEnv, packAll, root } from './packages.js';

const blocks = (markdown: string, lang: string) => [...markdown.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const readme = readFileSync(join(root, 'packages/core/README.md'), 'utf8');
const [jsExample] = blocks(readme, 'js');
const [tsExample] = blocks(readme, 'ts');
const [printed] = blocks(readme, 'text');

const outside = mkdtempSync(join(tmpdir(), 'ragtrail-outside-'));
const app = join(outside, 'app');
const env = cleanEnv({ NO_COLOR: '1' });
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: app, env, encoding: 'utf8', timeout: 300_000 });

beforeAll(() => {
  build();
  const tarballs = packAll(join(outside, 'tarballs'));
  mkdirSync(app);
  // Every ragtrail package from its tarball (the inner ranges are the release's exact versions,
  // which the tarballs satisfy); third-party packages from the registry, through npm's cache.
  const dependencies = Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'outside', private: true, type: 'module', dependencies, devDependencies: { '@types/node': '^20.19.0' } }, null, 2));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 900_000 });
}, 1_200_000);
afterAll(() => rmSync(outside, { recursive: true, force: true, maxRetries: 5 }), 300_000);

describe('the packages installed from their tarballs outside the workspace', () => {
  it('the README example in JavaScript runs with plain node and prints what the README shows', () => {
    writeFileSync(join(app, 'embed.mjs'), jsExample!);
    const out = run(process.execPath, ['embed.mjs']);
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe(printed!.trim());
  }, 120_000);

  it('the JavaScript and TypeScript examples are the same program', () => {
    const body = (code: string) => code.replace(/^(\/\/.*\n)+/, '').replaceAll(' as const', '');
    expect(body(jsExample!)).toBe(body(tsExample!));
  });

  it('the TypeScript example and a consumer file type-check against the shipped declarations', () => {
    writeFileSync(join(app, 'embed.ts'), tsExample!);
    cpSync(join(root, 'test/packaging/consumer/consumer.ts'), join(app, 'consumer.ts'));
    const compilerOptions = { target: 'ES2022', module: 'nodenext', strict: true, noEmit: true, types: ['node'], skipLibCheck: false };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['embed.ts', 'consumer.ts'] }));
    const tsc = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 300_000);

  it('the installed ragtrail command prints its help and loads the demo into a fresh store', () => {
    const bin = join(app, 'node_modules/.bin/ragtrail');
    const help = run(bin, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: ragtrail');
    expect(help.stdout).toContain('demo');
    const demo = run(bin, ['--store', 'sqlite:./data/ragtrail.db', 'demo', '--json']);
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    const outcome = JSON.parse(demo.stdout) as { plans: { planId: string; actions: number }[]; tokens: { admin: string } };
    expect(outcome.plans.length).toBeGreaterThan(0);
    expect(outcome.plans.every((p) => p.actions > 0)).toBe(true);
    const plans = run(bin, ['--store', 'sqlite:./data/ragtrail.db', 'plans', '--json']);
    expect(plans.status).toBe(0);
    const listed = (JSON.parse(plans.stdout) as { planId: string }[]).map((p) => p.planId);
    expect(listed).toEqual(expect.arrayContaining(outcome.plans.map((p) => p.planId)));
  }, 600_000);
});
