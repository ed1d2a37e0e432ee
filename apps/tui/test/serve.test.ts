import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpData } from '../src/sources/http.js';
import { directData } from '../src/sources/direct.js';
import { openRagtrail } from '../src/cli/session.js';
import { runCli } from '../src/cli/program.js';
import { captureIo } from './fixtures.js';
import { waitFor } from './ui-helpers.js';
import { binPath, repoRoot } from './child.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

/** Starts the real binary and waits until its output matches `ready`; resolves with everything printed so far. */
function startUntil(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', binPath, ...args], {
    cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', RAGTRAIL_ACTOR: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const seen = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) resolve({ child, out: () => out });
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('close', (code) => reject(new Error(`exited ${code} before it was ready:\n${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('close', resolve)));

describe('ragtrail serve and demo --serve, as child processes', () => {
  it('demo --serve loads the plans, prints both tokens, serves them, and the UI reads the same through HTTP as on the store', async () => {
    const store = `sqlite:${join(mkdtempSync(join(tmpdir(), 'ragtrail-serve-')), 'ragtrail.db')}`;
    const { child, out } = await startUntil(['demo', '--serve', '--port', '0', '--store', store], {}, /HTTP app on (http:\/\/\S+)/);
    const url = /HTTP app on (http:\/\/\S+)/.exec(out())![1]!;
    const admin = /Admin token \(shown once\): +(\S+)/.exec(out())![1]!;
    const viewer = /Viewer token \(shown once\): +(\S+)/.exec(out())![1]!;
    expect((await fetch(`${url}/health`)).status).toBe(200);

    const overHttp = httpData(url, viewer);
    const rt = await openRagtrail(store);
    const onStore = directData(rt, null, store);
    try {
      const plans = await overHttp.plans();
      expect(plans.map((p) => p.planId).sort()).toEqual((await onStore.plans()).map((p) => p.planId).sort());
      const planId = 'thurrock-development-plan-2017-19';
      expect(await overHttp.summary(planId, { period: '2018-03' })).toEqual(await onStore.summary(planId, { period: '2018-03' }));
      expect(await overHttp.plan(planId)).toEqual(await onStore.plan(planId));
      // Time travel reads the whole log: over HTTP it comes from the live route, which must then be let go.
      expect((await overHttp.history(planId)).map((e) => e.id)).toEqual((await onStore.history(planId)).map((e) => e.id));
      expect(await overHttp.whoAmI()).toMatchObject({ role: 'viewer' });
      // The server knows the token's role and refuses what it may not do, as the core would on the store.
      // The demo leaves its latest month (June 2018) open for recording.
      const entry = { action: 'P1.2', period: '2018-06', score: 3, update: 'Agency staff 39' };
      await expect(overHttp.recordEntry(planId, entry, null)).rejects.toMatchObject({ code: 'forbidden' });
      const issued = captureIo();
      expect(await runCli(['token', 'create', '--store', store, '--actor', 'Ann Admin:admin', '--name', 'Iqbal Vaza', '--role', 'officer', '--json'], issued.io)).toBe(0);
      const officer = httpData(url, (JSON.parse(issued.out()) as { token: string }).token);
      const before = (await onStore.history(planId)).length;
      let changes = 0;
      const stopWatching = overHttp.watch!(planId, () => changes++);
      // The watch refreshes once when the live route says it is listening: wait for that, not a time.
      await waitFor(() => changes > 0, 'the live route to listen');
      const seenBefore = changes;
      const recorded = await officer.recordEntry(planId, entry, 'Recruitment drive landed');
      expect(recorded.revision).toBeGreaterThan(0);
      expect((await onStore.history(planId)).length).toBeGreaterThan(before);
      // An open screen over HTTP hears of the new entry and refreshes.
      await waitFor(() => changes > seenBefore, 'the live route to push the new entry');
      stopWatching();
      expect((await httpData(url, admin).plans()).length).toBe(plans.length);
    } finally {
      await rt.close();
      await overHttp.close();
    }
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }, 240_000);

  it('serve answers on the port it was given and stops cleanly on SIGTERM', async () => {
    const store = `sqlite:${join(mkdtempSync(join(tmpdir(), 'ragtrail-serve-')), 'ragtrail.db')}`;
    const { child, out } = await startUntil(['serve', '--port', '0', '--store', store], {}, /HTTP app on (http:\/\/\S+)/);
    const url = /HTTP app on (http:\/\/\S+)/.exec(out())![1]!;
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }, 240_000);
});
