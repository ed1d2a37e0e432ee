// Three `ragtrail serve` processes on one log, as behind a load balancer: on one PostgreSQL store (a
// real server the test starts) and on one SQLite file. Writes land through any of them, every live
// page hears every change, and a token revoked through one stops working on the others at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent } from '@ragtrail/core';
import { createRagtrail } from '../../packages/core/src/index.js';
import { admin, seedPlan, steppingClock } from '../../packages/core/src/testing/index.js';
import { createSqliteStore } from '../../packages/store-sqlite/src/index.js';
import { createPostgresStore } from '../../packages/store-postgres/src/index.js';
import { startTestServer, type TestServer } from '../../packages/store-postgres/test/server/server.js';
import { binPath, repoRoot } from '../../apps/tui/test/child.js';

const dir = mkdtempSync(join(tmpdir(), 'ragtrail-instances-'));
let server: TestServer | undefined;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});
afterAll(() => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function waitFor(holds: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await holds())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One `ragtrail serve` child on the store; resolves with its URL once it says where it listens. */
function serve(store: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', binPath, 'serve', '--port', '0', '--store', store], {
    cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', RAGTRAIL_ACTOR: '', RAGTRAIL_STORE: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const seen = (d: Buffer) => {
      out += d.toString();
      const url = /HTTP app on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('close', (code) => reject(new Error(`serve exited ${code} before it was ready:\n${out}`)));
  });
}

/** A live page's stream of one plan, from now: the events it has been sent so far. */
async function live(url: string, token: string, planId: string): Promise<{ events: RecordedEvent[]; close: () => void }> {
  const abort = new AbortController();
  const response = await fetch(`${url}/api/plans/${planId}/events?after=now`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  expect(response.status).toBe(200);
  const events: RecordedEvent[] = [];
  let text = '';
  let listening = false;
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body!) {
        text += decoder.decode(chunk as Uint8Array, { stream: true });
        if (text.includes(': listening')) listening = true;
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const message = text.slice(0, end);
          text = text.slice(end + 2);
          const data = message.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (data) events.push(JSON.parse(data) as RecordedEvent);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  await waitFor(() => listening, 'the live route to listen');
  return { events, close: () => abort.abort() };
}

const call = (url: string, token: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${url}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

/** A plan and three tokens written straight to the store, before any instance starts. */
async function seed(store: EventStore) {
  const rt = createRagtrail({ store, now: steppingClock('2020-01-01T09:00:00.000Z') });
  try {
    await seedPlan(rt, 'dev');
    const adminToken = (await rt.issueToken({ name: 'Ann Admin', role: 'admin' }, { actor: admin })).token;
    const officer = await rt.issueToken({ name: 'Iqbal Vaza', role: 'officer' }, { actor: admin });
    const viewer = (await rt.issueToken({ name: 'Inspector Jones', role: 'viewer' }, { actor: admin })).token;
    return { adminToken, officer, viewer };
  } finally {
    await rt.close();
  }
}

const stores: [string, () => Promise<{ url: string; open: () => Promise<EventStore> }>][] = [
  ['PostgreSQL', async () => {
    server ??= await startTestServer();
    const url = `${server.url}?schema=instances`;
    return { url, open: () => createPostgresStore({ connectionString: server!.url, schema: 'instances' }) };
  }],
  ['one SQLite file', async () => {
    const path = join(dir, 'shared.db');
    return { url: `sqlite:${path}`, open: async () => createSqliteStore({ path }) };
  }],
];

describe.each(stores)('three ragtrail serve processes on %s', (_name, makeStore) => {
  it('take writes through any of them, push every change to every live page, and honour a revocation at once', async () => {
    const { url: storeUrl, open } = await makeStore();
    const { adminToken, officer, viewer } = await seed(await open());
    const [a, b, c] = await Promise.all([serve(storeUrl), serve(storeUrl), serve(storeUrl)]);
    const instances = [a!, b!, c!];

    // Every instance lists the same plans (from the catalogue beside the log).
    const listed = await Promise.all(instances.map(async (u) => (await call(u, viewer, '/plans')).json()));
    expect(listed[1]).toEqual(listed[0]);
    expect(listed[2]).toEqual(listed[0]);

    const pages = await Promise.all(instances.map((u) => live(u, viewer, 'dev')));
    // Writes through two instances at the same moment: both land (a lost race is decided again on fresh state).
    const writes = await Promise.all([
      call(a!, officer.token, '/plans/dev/commands/RecordEntry', { method: 'POST', body: { action: 'P1.2', period: '2017-05', score: 3, update: 'Supervision 88%' } }),
      call(b!, officer.token, '/plans/dev/commands/RecordEntry', { method: 'POST', body: { action: 'P2.1', period: '2017-05', score: 1, update: 'Thresholds still in draft' } }),
      call(c!, adminToken, '/plans/dev/commands/AddAction', { method: 'POST', body: { ref: 'P2.2', priorityId: 'p2', title: 'Family hubs' } }),
    ]);
    for (const w of writes) expect(w.status, await w.clone().text()).toBe(201);
    const written = (await Promise.all(writes.map(async (w) => ((await w.json()) as { events: RecordedEvent[] }).events))).flat();
    expect(written).toHaveLength(3);

    // Every live page, on every instance, is sent all three events, in the log's order.
    for (const [i, page] of pages.entries()) await waitFor(() => page.events.length >= 3, `instance ${i + 1}'s live page to hear all three writes`);
    const inOrder = [...written].sort((x, y) => x.position - y.position).map((e) => e.id);
    for (const page of pages) expect(page.events.map((e) => e.id)).toEqual(inOrder);
    for (const page of pages) page.close();

    // Each instance reads the plan as it now stands, whichever instance wrote.
    const revisions = await Promise.all(instances.map(async (u) => ((await call(u, viewer, '/plans')).json() as Promise<{ planId: string; revision: number }[]>)));
    const head = Math.max(...written.map((e) => e.revision));
    for (const r of revisions) expect(r.find((p) => p.planId === 'dev')!.revision).toBe(head);
    const summaries = await Promise.all(instances.map(async (u) => (await call(u, viewer, '/plans/dev/summary?period=2017-05')).json()));
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[2]).toEqual(summaries[0]);

    // The officer's token, revoked through instance C, stops working on A and B at the very next request.
    expect((await call(a!, officer.token, '/me')).status).toBe(200);
    expect((await call(b!, officer.token, '/me')).status).toBe(200);
    const revoked = await call(c!, adminToken, `/tokens/${officer.tokenId}`, { method: 'DELETE' });
    expect(revoked.status, await revoked.clone().text()).toBe(200);
    for (const u of instances) expect((await call(u, officer.token, '/me')).status).toBe(401);
    const refused = await call(a!, officer.token, '/plans/dev/commands/RecordEntry', { method: 'POST', body: { action: 'P1.1', period: '2017-05', score: 4, update: 'Should not land' } });
    expect(refused.status).toBe(401);
    expect((await call(b!, viewer, '/me')).status).toBe(200);

    // The log behind them holds every write once, with its chain intact.
    const store = await open();
    try {
      const rt = createRagtrail({ store });
      expect((await rt.verify()).ok).toBe(true);
      expect((await store.readStream('plan-dev')).at(-1)!.revision).toBe(head);
    } finally {
      await store.close();
    }
  }, 240_000);
});
