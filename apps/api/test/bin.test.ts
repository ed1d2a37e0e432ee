// The program as a person starts it (`node --import tsx apps/api/src/bin.ts` from the repository
// root): settings from the environment, the app from @ragtrail/http. Under tsx from the root no
// package tsconfig applies, so a page that answers here also proves the pages name their JSX runtime.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const binPath = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', binPath], {
    cwd: repoRoot, env: { ...process.env, RAGTRAIL_STORE: 'memory:', PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  /** Resolves with the first match of `pattern` in the output so far, or fails if the program ends first. */
  const waitFor = (pattern: RegExp) => new Promise<RegExpExecArray>((resolve, reject) => {
    const check = () => {
      const m = pattern.exec(out);
      if (m) resolve(m);
      return m;
    };
    if (check()) return;
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    void exited.then((code) => check() ?? reject(new Error(`exited ${code} before printing ${pattern}:\n${out}`)));
  });
  return { child, exited, waitFor, out: () => out };
}

it('starts on the port the environment names, answers /health and a page, and drains on SIGTERM', async () => {
  const server = start({});
  const url = (await server.waitFor(/"url":"(http:\/\/[^"]+)"/))[1]!;
  const health = await fetch(`${url}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const signIn = await fetch(`${url}/login`);
  expect(signIn.status).toBe(200);
  expect(await signIn.text()).toMatch(/<form[^>]*>/);
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  expect(server.out()).toMatch(/server closed/);
});

it('refuses a PORT that is not a port, naming the variable and the rule, before opening anything', async () => {
  const server = start({ PORT: 'eighty' });
  expect(await server.exited).toBe(2);
  expect(server.out()).toMatch(/PORT: PORT must be a whole number from 0 to 65535/);
});

it('refuses a store URL it cannot open with the store rule, and no stack trace', async () => {
  const server = start({ RAGTRAIL_STORE: 'ftp://example.org/x' });
  expect(await server.exited).toBe(1);
  expect(server.out()).toMatch(/Unknown store URL "ftp:\/\/example.org\/x"/);
  expect(server.out()).not.toMatch(/\n\s+at /);
});
