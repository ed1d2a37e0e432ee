// Long work off the request path: on a SQLite store the server runs imports, verify, reports and
// pages of history in worker threads and answers on the request's own connection (JSON, or progress as
// server-sent events); a limit the file shows up front is refused before any work starts.
import { createRagtrail, DomainError } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import { demoDir } from '@ragtrail/spreadsheets';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, startServer } from '../src/index.js';
import { inlineWork, type Work } from '../src/work/pool.js';
import { fromWire, toWire } from '../src/work/wire-error.js';
import { planFixture } from './fixture.js';

const tracker = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'));

describe('a server on SQLite runs long work in worker threads', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let token = '';
  beforeAll(async () => {
    const storeUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'ragtrail-work-')), 't.db')}`;
    const rt = createRagtrail({ store: await openStore(storeUrl) });
    token = (await rt.issueToken({ name: 'Admin', role: 'admin' }, { actor: { id: 'setup', name: 'Setup', role: 'admin' } })).token;
    await rt.close();
    server = await startServer({ storeUrl, port: 0, logger: pino({ level: 'silent' }) });
  }, 60_000);
  afterAll(async () => { await server?.close(); });
  const auth = () => ({ authorization: `Bearer ${token}` });

  it('imports a tracker in a worker; the server reads the new plan at once', async () => {
    const res = await fetch(`${server.url}/api/imports/tracker?fileName=t.tsv&planId=worked`, { method: 'POST', headers: auth(), body: tracker });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()).planId).toBe('worked');
    const summary = await fetch(`${server.url}/api/plans/worked/summary`, { headers: auth() });
    expect(summary.status).toBe(200);
  }, 60_000);

  it('streams progress, then the result, to a client that asks for text/event-stream', async () => {
    const res = await fetch(`${server.url}/api/imports/tracker?fileName=t.tsv&planId=streamed`, { method: 'POST', headers: { ...auth(), accept: 'text/event-stream' }, body: tracker });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    expect(text).toMatch(/event: progress\ndata: \{"done":\d+,"total":\d+\}/);
    expect(text).toMatch(/event: result\ndata: \{"planId":"streamed"/);
  }, 60_000);

  it('rebuilds a refusal from the worker as the same problem: field, rule, status', async () => {
    const again = await fetch(`${server.url}/api/imports/tracker?fileName=t.tsv&planId=worked`, { method: 'POST', headers: auth(), body: tracker });
    expect(again.status).toBe(409);
    expect((await again.json()).rule).toBeTruthy();
    // Asked for a stream, the same refusal comes before any progress: the answer is the 409 itself.
    const streamed = await fetch(`${server.url}/api/imports/tracker?fileName=t.tsv&planId=worked`, { method: 'POST', headers: { ...auth(), accept: 'text/event-stream' }, body: tracker });
    expect(streamed.status).toBe(409);
    expect(streamed.headers.get('content-type')).toContain('application/problem+json');
  }, 60_000);

  it('exports and the audit trail run in a worker and hold what the server thread recorded since the worker last read', async () => {
    const read = async () => {
      const csv = await (await fetch(`${server.url}/api/plans/worked/exports/audit`, { headers: auth() })).text();
      const trail = await (await fetch(`${server.url}/api/plans/worked/audit?type=PriorityAdded`, { headers: auth() })).json() as { total: number };
      const tracker = await fetch(`${server.url}/api/plans/worked/exports/tracker?period=2017-04&format=xlsx`, { headers: auth() });
      expect(tracker.status).toBe(200);
      expect(Buffer.from(await tracker.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
      return { rows: csv.trim().split('\n').length, priorities: trail.total };
    };
    const before = await read();
    const added = await fetch(`${server.url}/api/plans/worked/commands/AddPriority`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ number: 90, title: 'Added after the worker read' }) });
    expect(added.status, await added.clone().text()).toBe(201);
    const after = await read();
    expect(after.rows).toBe(before.rows + 1);
    expect(after.priorities).toBe(before.priorities + 1);
  }, 60_000);

  it("pages a plan's history in a worker, and a page asked after the server thread recorded more holds it", async () => {
    type Page = { events: Array<{ revision: number; type: string }>; next: number | null; total: number };
    const walk = async () => {
      const events: Page['events'] = [];
      for (let after: number | null = -1; after !== null;) {
        const page = (await (await fetch(`${server.url}/api/plans/worked/history?limit=10&after=${after}`, { headers: auth() })).json()) as Page;
        events.push(...page.events);
        after = page.next;
      }
      return events;
    };
    const before = await walk();
    expect(before.length).toBeGreaterThan(30);
    expect(before.map((e) => e.revision)).toEqual([...before.keys()]);
    const added = await fetch(`${server.url}/api/plans/worked/commands/AddPriority`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ number: 91, title: 'Added while the worker kept the history' }) });
    expect(added.status, await added.clone().text()).toBe(201);
    const after = await walk();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ revision: before.length, type: 'PriorityAdded' });
  }, 60_000);

  it('verifies and renders a report in a worker', async () => {
    const verify = await fetch(`${server.url}/api/verify`, { headers: auth() });
    expect(verify.status).toBe(200);
    expect((await verify.json()).ok).toBe(true);
    const report = await fetch(`${server.url}/api/plans/worked/reports/board?format=html`, { headers: auth() });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('<!doctype html>');
  }, 60_000);
});

describe('limits the file shows up front', () => {
  it('are answered 413 naming the limit, what it allows and the file, before any work starts', async () => {
    const { rt, tokens } = await planFixture();
    const started: string[] = [];
    const spy: Work = { run: (task, p) => { started.push(task.kind); return inlineWork(rt).run(task, p); }, close: async () => {} };
    const app = createApp({ ragtrail: rt, work: spy, importLimits: { maxUncompressedBytes: 1000 } });
    for (const accept of ['application/json', 'text/event-stream']) {
      const res = await app.request('/api/imports/tracker?fileName=big.tsv&planId=big', { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}`, accept }, body: tracker });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({ rule: 'limit', limit: 'maxUncompressedBytes', allowed: 1000, fileName: 'big.tsv' });
    }
    expect(started).toEqual([]);
  });

  it('a breach the first rows show is a 413 to a client that asked for a stream, not a 200 stream', async () => {
    const { rt, tokens } = await planFixture();
    const app = createApp({ ragtrail: rt, importLimits: { maxColumns: 5 } });
    const res = await app.request('/api/imports/tracker?fileName=wide.tsv&planId=wide', { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}`, accept: 'text/event-stream' }, body: tracker });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ rule: 'limit', limit: 'maxColumns', allowed: 5, fileName: 'wide.tsv' });
  });
});

describe('work that reads a whole plan history', () => {
  it('exports, the audit trail, the evidence and the action page read it through the work runner, not the request thread', async () => {
    const { rt, tokens } = await planFixture();
    const started: string[] = [];
    const spy: Work = { run: (task, p) => { started.push(`${task.kind}${'what' in task ? `:${task.what}` : ''}`); return inlineWork(rt).run(task, p); }, close: async () => {} };
    const app = createApp({ ragtrail: rt, work: spy });
    const bearer = { authorization: `Bearer ${tokens.viewer}` };
    for (const [path, headers] of [
      ['/api/plans/p1/exports/tracker?period=2026-02', bearer], ['/api/plans/p1/exports/audit', bearer], ['/api/plans/p1/audit?limit=5', bearer], ['/api/plans/p1/evidence', bearer],
      ['/plans/p1/exports/audit', { cookie: `ragtrail_token=${tokens.viewer}` }], ['/plans/p1/actions/a1', { cookie: `ragtrail_token=${tokens.viewer}` }],
    ] as const) expect((await app.request(path, { headers })).status, path).toBe(200);
    expect(started).toEqual(['export:tracker', 'export:audit', 'audit', 'evidence-page', 'export:audit', 'evidence', 'audit']);
  });
});

describe('the progress stream', () => {
  // A runner that reports progress, then ends as told: what fails after the stream opened is an event.
  const runner = (end: () => unknown): Work => ({ run: async (_task, progress) => { progress?.(1, 2); await Promise.resolve(); progress?.(2, 2); return end() as never; }, close: async () => {} });
  const ask = async (work: Work) => {
    const { rt, tokens } = await planFixture();
    return createApp({ ragtrail: rt, work }).request('/api/verify', { headers: { authorization: `Bearer ${tokens.viewer}`, accept: 'text/event-stream' } });
  };

  it('opens with the first progress, every progress in order, then the result', async () => {
    const res = await ask(runner(() => ({ ok: true })));
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^event: progress\ndata: \{"done":1,"total":2\}\n\nevent: progress\ndata: \{"done":2,"total":2\}\n\nevent: result\ndata: \{"ok":true\}/);
  });

  it('carries a refusal that comes after the first progress as a problem event with its status', async () => {
    const res = await ask(runner(() => { throw new DomainError('conflict', 'moved on', 'planId', 'exists'); }));
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/event: problem\ndata: \{[^\n]*"status":409/);
  });
});

it('an error crosses from a worker with its code, field, rule and details', () => {
  const original = new DomainError('invalid', 'x.csv: refused', 'file', 'limit', { limit: 'maxRows', allowed: 5, fileName: 'x.csv' });
  const back = fromWire(structuredClone(toWire(original)));
  expect(back).toBeInstanceOf(DomainError);
  expect(back).toMatchObject({ code: 'invalid', message: 'x.csv: refused', field: 'file', rule: 'limit', details: { limit: 'maxRows', allowed: 5, fileName: 'x.csv' } });
});
