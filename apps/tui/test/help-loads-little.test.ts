import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { binPath, repoRoot } from './child.js';

const trace = fileURLToPath(new URL('./load-trace.mjs', import.meta.url));

/** Runs `ragtrail ARGS` from sources and returns every module it loaded. */
function modulesLoadedBy(args: string[]): Promise<{ code: number | null; out: string; loaded: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', trace, binPath, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', RAGTRAIL_STORE: 'memory:' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, loaded: [...err.matchAll(/^LOADED (.+)$/gm)].map((m) => m[1]!) }));
  });
}

const heavy = [/packages\/core\//, /packages\/stores\//, /packages\/spreadsheets\//, /packages\/reports\//, /packages\/http\//, /\/zod/, /\/ink/, /\/react/, /exceljs/, /hono/, /better-sqlite3/, /cli-progress/];

// `ragtrail --help` starts fast (docs/performance.md, cli-start) because registering the commands
// loads only commander and the command line's own modules: the rest loads in the action that needs it.
describe('starting the command line', () => {
  it('--help loads none of the core, stores, Ink, exceljs, the HTTP app or zod', async () => {
    const run = await modulesLoadedBy(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Usage: ragtrail');
    expect(run.loaded.some((url) => url.includes('commander'))).toBe(true);
    expect(run.loaded.filter((url) => heavy.some((h) => h.test(url)))).toEqual([]);
  }, 120_000);

  it('a command that opens a store still loads the core and answers', async () => {
    const run = await modulesLoadedBy(['plans', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual([]);
    expect(run.loaded.some((url) => /packages\/core\//.test(url))).toBe(true);
  }, 120_000);
});
