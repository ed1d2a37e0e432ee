// What the app shows when someone with the database file changed it: the access stream edited so a
// viewer claims admin refuses every token and /health says so; a plan edited in place (or cut at its
// end) is flagged on every answer about it: header, JSON field, page banner and report warning.
import { createRagtrail, type Ragtrail } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';

// better-sqlite3 is the SQLite store's dependency: reach it through that package, as the store does.
const Database = createRequire(fileURLToPath(new URL('../../store-sqlite/package.json', import.meta.url)))('better-sqlite3') as typeof import('better-sqlite3');
const base = mkdtempSync(join(tmpdir(), 'ragtrail-broken-'));
const admin = { actor: { id: 'ann', name: 'Ann', role: 'admin' as const } };
const tokens = { admin: '', viewer: '' };
let opened: Ragtrail[] = [];

beforeAll(async () => {
  const rt = createRagtrail({ store: await openStore(`sqlite:${join(base, 'base.db')}`), now: () => new Date('2026-03-10T10:00:00Z') });
  for (const planId of ['bp', 'ok']) {
    await rt.createPlan({ planId, title: `Plan ${planId}`, organisation: 'Council', scheme: 'development-plan-5' }, admin);
    await rt.execute(planId, 'AddAction', { actionId: 'a1', ref: '1.1', title: 'Board oversight' }, admin);
    await rt.execute(planId, 'OpenReview', { period: '2026-02', reviewer: 'Rae', reviewDate: '2026-02-28' }, admin);
    await rt.execute(planId, 'RecordEntry', { action: 'a1', period: '2026-02', score: 2, update: 'Met' }, admin);
  }
  tokens.admin = (await rt.issueToken({ name: 'Admin', role: 'admin' }, admin)).token;
  tokens.viewer = (await rt.issueToken({ name: 'Viewer', role: 'viewer' }, admin)).token;
  await rt.close();
}, 60_000);
afterEach(async () => {
  await Promise.all(opened.map((rt) => rt.close()));
  opened = [];
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A copy of the prepared store, changed as someone with the file would, then served. */
async function served(name: string, change: (db: InstanceType<typeof Database>) => void) {
  const path = join(base, `${name}.db`);
  copyFileSync(join(base, 'base.db'), path);
  const db = new Database(path);
  try {
    db.transaction(() => change(db))();
  } finally {
    db.close();
  }
  const logged: Record<string, unknown>[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { logged.push(JSON.parse(String(chunk))); done(); } });
  const rt = createRagtrail({ store: await openStore(`sqlite:${path}`) });
  opened.push(rt);
  const app = createApp({ ragtrail: rt, logger: pino({}, sink) });
  const get = (path: string, token: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { app, rt, get, logged };
}

describe('the access stream edited so a viewer token claims admin', () => {
  it('refuses every token, answers /health 503 naming the break, and logs it once', async () => {
    const { app, get, logged } = await served('access', (d) =>
      d.prepare("UPDATE events SET data = json_set(data, '$.role', 'admin') WHERE stream = 'access' AND json_extract(data, '$.name') = 'Viewer'").run());
    for (const token of [tokens.viewer, tokens.admin]) {
      const res = await get('/api/plans', token);
      expect(res.status).toBe(401);
      expect(res.headers.get('ragtrail-integrity')).toMatch(/^broken; stream=access; revision=1; problem=hash-mismatch$/);
    }
    expect((await app.request('/api/tokens', { method: 'POST', headers: { authorization: `Bearer ${tokens.viewer}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Mine', role: 'admin' }) })).status).toBe(401);
    for (let i = 0; i < 2; i++) {
      const health = await app.request('/health');
      expect(health.status).toBe(503);
      const body = await health.json();
      expect(body).toMatchObject({ status: 'broken', integrity: { ok: false, access: { stream: 'access', revision: 1, problem: 'hash-mismatch' } } });
    }
    await new Promise((r) => setImmediate(r));
    expect(logged.filter((l) => l.level === 50 && String(l.msg).startsWith('the log is broken'))).toHaveLength(1);
  });

  it('an untouched copy answers /health 200 and takes both tokens', async () => {
    const { app, get } = await served('clean', () => {});
    expect((await app.request('/health')).status).toBe(200);
    expect((await get('/api/plans', tokens.viewer)).status).toBe(200);
    const summary = await get('/api/plans/bp/summary', tokens.viewer);
    expect(summary.headers.get('ragtrail-integrity')).toBeNull();
    expect(await summary.json()).not.toHaveProperty('integrity');
  });
});

describe("a plan's score edited in place", () => {
  const editScore = (d: InstanceType<typeof Database>) =>
    d.prepare("UPDATE events SET data = json_set(data, '$.score', 5) WHERE stream = 'plan-bp' AND type = 'EntryRecorded'").run();

  it('flags every API answer about the plan with the header and the field, and no other plan', async () => {
    const { get, app } = await served('score', editScore);
    const summary = await get('/api/plans/bp/summary', tokens.viewer);
    expect(summary.status).toBe(200);
    expect(summary.headers.get('ragtrail-integrity')).toBe('broken; stream=plan-bp; revision=3; problem=hash-mismatch');
    expect(await summary.json()).toMatchObject({ integrity: { ok: false, firstBreak: { stream: 'plan-bp', revision: 3, problem: 'hash-mismatch' } } });
    const exceptions = await get('/api/plans/bp/exceptions', tokens.viewer);
    expect(exceptions.headers.get('ragtrail-integrity')).toMatch(/stream=plan-bp; revision=3/);
    const write = await app.request('/api/plans/bp/commands/RecordEntry', { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'a1', period: '2026-02', score: 3 }) });
    expect(write.status).toBe(422);
    expect(write.headers.get('ragtrail-integrity')).toMatch(/stream=plan-bp/);
    expect(await write.json()).toMatchObject({ rule: 'chain-holds' });
    const other = await get('/api/plans/ok/summary', tokens.viewer);
    expect(other.headers.get('ragtrail-integrity')).toBeNull();
    const health = await app.request('/health');
    expect(health.status).toBe(503);
    expect((await health.json()).integrity.plans).toEqual([expect.objectContaining({ planId: 'bp' })]);
  });

  it('shows the warning banner on the dashboard and the action page, and not on a sound plan', async () => {
    const { get } = await served('pages', editScore);
    for (const path of ['/plans/bp', '/plans/bp/actions/a1']) {
      const page = await get(path, tokens.viewer);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('class="govuk-notification-banner"');
      expect(html).toContain('This plan’s log is broken: these figures cannot be relied on');
      expect(html).toMatch(/plan-bp at revision 3 \(hash-mismatch\)/);
    }
    expect(await (await get('/plans/ok', tokens.viewer)).text()).not.toContain('govuk-notification-banner');
    // The plan list marks the broken plan's row, and only that row.
    const list = await (await get('/', tokens.viewer)).text();
    expect(list.match(/Log broken/g)).toHaveLength(1);
    expect(list).toMatch(/href="\/plans\/bp">[^<]*<\/a>\s*<strong class="govuk-tag govuk-tag--red">Log broken/);
  });

  it('opens the board report and the evidence pack with the warning', async () => {
    const { get } = await served('reports', editScore);
    const board = await (await get('/plans/bp/reports/board?format=md&period=2026-02', tokens.viewer)).text();
    expect(board.split('\n').slice(0, 4).join('\n')).toMatch(/^# Improvement Board report: Plan bp\n\n> \*\*Warning: this plan's log is broken \(hash-mismatch\) at plan-bp at revision 3/);
    const pack = await (await get('/plans/bp/reports/evidence?format=html&period=2026-02', tokens.viewer)).text();
    expect(pack).toMatch(/<h1>Inspector evidence pack: Plan bp<\/h1>\n<p class="integrity-warning" role="alert"[^>]*><strong>Warning: this plan's log is broken/);
    const sound = await (await get('/plans/ok/reports/board?format=md&period=2026-02', tokens.viewer)).text();
    expect(sound).not.toContain('log is broken');
  });
});

describe("a plan's last event deleted", () => {
  it('is flagged as cut from its end, naming the store revision and the last event left', async () => {
    const { get } = await served('cut', (d) => d.prepare("DELETE FROM events WHERE stream = 'plan-bp' AND revision = 3").run());
    const summary = await get('/api/plans/bp/summary', tokens.viewer);
    expect(summary.headers.get('ragtrail-integrity')).toBe('broken; stream=plan-bp; revision=3; problem=cut-from-end');
    expect((await summary.json()).integrity.firstBreak.message).toMatch(/the store says plan-bp is at revision 3 but its last event is revision 2/);
  });
});
