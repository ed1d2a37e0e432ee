// One council's month across both front ends and two processes on one SQLite file: the command
// line loads the plans and the board signs off; an officer corrects a score through the HTTP app
// served by another process; then the auditor asks "what did the board see?" both ways.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ragtrail as run } from '../../apps/tui/test/child.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'apps/tui/src/bin.ts');
const dir = mkdtempSync(join(tmpdir(), 'ragtrail-e2e-'));
const store = `sqlite:${join(dir, 'ragtrail.db')}`;
const plan = 'thurrock-ofsted-tracker-2016-17';
const env = { ...process.env, NO_COLOR: '1', RAGTRAIL_STORE: store, RAGTRAIL_ACTOR: '' };

// Every step starts a Node process (the command line, the server); on a busy machine each can take
// seconds. The deadlines are for a process that never answers, not for a slow one.
const storyDeadlineMs = 600_000;
const serverStartDeadlineMs = 120_000;

/** Waits until the clock reads later than `instant` (a condition on the clock, not a pause), so events recorded next are after it. */
async function clockPasses(instant: number): Promise<void> {
  while (Date.now() <= instant) await new Promise((resolve) => setImmediate(resolve));
}

const ragtrail = (...args: string[]) => run(args, { RAGTRAIL_STORE: store });
const json = async (...args: string[]) => {
  const r = await ragtrail(...args, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Record<string, any>;
};

let server: ChildProcess;
let base = '';
let tokens: { admin: string; viewer: string; officer: string; reviewer: string };
const api = async (path: string, token: string, init: RequestInit = {}) => {
  const res = await fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

beforeAll(async () => {
  const demo = await json('demo');
  const officer = await json('token', 'create', '--name', 'Iqbal Vaza', '--role', 'officer', '--actor', 'Ann Admin:admin');
  const reviewer = await json('token', 'create', '--name', 'Rory Patterson', '--role', 'reviewer', '--actor', 'Ann Admin:admin');
  tokens = { ...(demo.tokens as { admin: string; viewer: string }), officer: officer.token as string, reviewer: reviewer.token as string };
  server = spawn(process.execPath, ['--import', 'tsx', bin, 'serve', '--port', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Ready when it prints the address it listens on; a server that exits first fails at once, with what it said.
  base = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no address within ${serverStartDeadlineMs} ms: ${seen}`)), serverStartDeadlineMs);
    const look = (d: Buffer) => {
      seen += d.toString();
      const url = /(http:\/\/[\d.:a-z]+)/.exec(seen)?.[1];
      if (url) { clearTimeout(timer); resolve(url); }
    };
    server.stdout!.on('data', look);
    server.stderr!.on('data', look);
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited (${code}) before listening: ${seen}`)); });
  });
}, storyDeadlineMs);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const closed = new Promise((r) => server.on('close', r));
    server.kill('SIGTERM');
    await closed;
  }
  rmSync(dir, { recursive: true, force: true });
}, storyDeadlineMs);

/**
 * An HTTP summary is a page of its action rows (`next`, `total`); the demo's plan comes whole in
 * one, and without those two fields it is the command line's summary.
 */
function wholeSummary(body: unknown): Record<string, unknown> {
  const { next, total, ...summary } = body as Record<string, unknown>;
  expect(next).toBeNull();
  expect(total).toBe(16);
  return summary;
}

describe('an improvement month, end to end', () => {
  it('a board sign-off, a later correction, and the auditor sees what the board saw, the same through both front ends', async () => {
    // A dashboard's first load asks for several things at once; the server's figures are the command line's.
    const page = await fetch(`${base}/plans/${plan}?period=2017-05`, { headers: { cookie: `ragtrail_token=${tokens.viewer}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ofsted improvement plan');
    const [summary, , listing] = await Promise.all([
      api(`/api/plans/${plan}/summary?period=2017-05`, tokens.viewer),
      api(`/api/plans/${plan}/exceptions?period=2017-05`, tokens.viewer),
      api('/api/plans', tokens.viewer),
    ]);
    expect(wholeSummary(summary.body)).toEqual(await json('summary', '--plan', plan, '--period', '2017-05'));
    expect((listing.body as unknown as { planId: string; actions: number }[]).find((p) => p.planId === plan)?.actions).toBe(16);

    // The board signs off May 2017 (the demo leaves it open) from the command line, acknowledging the 13 recommendations not updated.
    const signed = await ragtrail('review', 'sign-off', '--plan', plan, '--period', '2017-05', '--actor', 'Lyn Carpenter:board', '--reason', '13 recommendations not updated in May: April scores carried forward');
    expect(signed.code, signed.err).toBe(0);
    const boardSaw = await api(`/api/plans/${plan}/summary?period=2017-05`, tokens.viewer);
    expect(boardSaw.status).toBe(200);
    const reportThen = join(dir, 'board-then.md');
    expect((await ragtrail('report', 'board', '--plan', plan, '--period', '2017-05', '--format', 'md', '--out', reportThen)).code).toBe(0);
    // An instant after the sign-off and before the correction: later than anything recorded so far,
    // and the correction waits until the clock has passed it.
    await clockPasses(Date.now());
    const signedOffAt = new Date().toISOString();
    await clockPasses(Date.parse(signedOffAt));

    // After sign-off nobody simply re-records: the period is closed, and an officer may not correct.
    const entry = { action: 'Ofsted 3', period: '2017-05', score: 2, update: 'Plans audited in May: most now good' };
    const reason = 'A June audit found the May score was set before the plans were re-audited';
    const closed = await api(`/api/plans/${plan}/commands/RecordEntry`, tokens.officer, { method: 'POST', body: JSON.stringify(entry), headers: { 'x-reason': encodeURIComponent(reason) } });
    expect(closed.status).toBe(422);
    expect(closed.body.detail).toMatch(/signed off/i);
    const notOfficers = await api(`/api/plans/${plan}/commands/CorrectEntry`, tokens.officer, { method: 'POST', body: JSON.stringify(entry), headers: { 'x-reason': encodeURIComponent(reason) } });
    expect(notOfficers.status).toBe(403);
    // The HTTP app refuses by role before reading the body (packages/http/src/http/authority.ts words it itself).
    expect(notOfficers.body.detail).toMatch(/^An officer may not /);
    // The correction is a new event, by a reviewer, with the reason.
    const corrected = await api(`/api/plans/${plan}/commands/CorrectEntry`, tokens.reviewer, { method: 'POST', body: JSON.stringify(entry), headers: { 'x-reason': encodeURIComponent(reason) } });
    expect(corrected.status, JSON.stringify(corrected.body)).toBeLessThan(300);

    // Now: the summary has moved.
    const now = await json('summary', '--plan', plan, '--period', '2017-05');
    expect(now).not.toEqual(wholeSummary(boardSaw.body));
    // As known at sign-off: the same as the board saw, from the command line and over HTTP.
    expect(await json('summary', '--plan', plan, '--period', '2017-05', '--as-of', signedOffAt)).toEqual(wholeSummary(boardSaw.body));
    expect((await api(`/api/plans/${plan}/summary?period=2017-05&asOf=${encodeURIComponent(signedOffAt)}`, tokens.viewer)).body).toEqual(boardSaw.body);
    // And the board report as of the moment it states it reflects is byte for byte the one produced then.
    const reflected = /as it stood at (\S+?Z):/.exec(readFileSync(reportThen, 'utf8'))?.[1];
    expect(reflected, 'the report states the moment it reflects').toBeDefined();
    expect(reflected! <= signedOffAt).toBe(true);
    const reportAgain = join(dir, 'board-again.md');
    expect((await ragtrail('report', 'board', '--plan', plan, '--period', '2017-05', '--as-of', reflected!, '--format', 'md', '--out', reportAgain)).code).toBe(0);
    expect(readFileSync(reportAgain)).toEqual(readFileSync(reportThen));

    // The audit trail names who corrected what, when and why; the sign-off stays in the log.
    const audit = await json('audit', '--plan', plan, '--action', 'Ofsted 3');
    const correction = (audit.records as Record<string, any>[]).find((i) => i.type === 'EntryCorrected');
    expect(correction).toMatchObject({ actor: { name: 'Rory Patterson', role: 'reviewer' }, reason, period: '2017-05' });
    expect(correction!.changes).toContainEqual({ field: 'score', before: 3, after: 2 });
    const all = await json('audit', '--plan', plan, '--type', 'ReviewSignedOff');
    // The demo's history has its own sign-offs; the board's of May 2017 is among them, by Lyn Carpenter.
    const mays = (all.records as Record<string, any>[]).filter((r) => r.period === '2017-05');
    expect(mays).toEqual([expect.objectContaining({ actor: expect.objectContaining({ name: 'Lyn Carpenter', role: 'board' }) })]);

    // Every chain in the file holds, whichever process wrote to it.
    const verified = await ragtrail('verify');
    expect(verified.code, verified.out + verified.err).toBe(0);
  }, storyDeadlineMs);
});
