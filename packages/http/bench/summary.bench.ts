// Requests/s and p99 of the plan summary route on one plan of 100,000 events (SQLite store),
// against a bare Hono route returning fixed JSON on the same server in the same run.
// Prints one JSON line per result; never asserts.
//
// Seeding: executing 100,000 commands one by one takes minutes, so the plan's first month is built
// through the real commands (so every event shape is the core's own), and later months are copies
// of that month's events with the period moved on, sealed into the hash chain in batches and
// appended straight to the store — the way packages/store-sqlite/bench/plan-log.ts builds its logs.
import { serve } from '@hono/node-server';
import { GENESIS_HASH, createMemoryStore, createRagtrail, directionBetween, type EventToAppend, type ScoringScheme } from '@ragtrail/core';
import { seal } from '@ragtrail/core/internal';
import { openStore } from '@ragtrail/stores';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/index.js';

// Its own knob: BENCH_EVENTS sizes the store benches' million-event logs, far past what this plan needs.
const EVENTS = Number(process.env.API_BENCH_EVENTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ACTIONS = 50;
const admin = { id: 'bench', name: 'Bench', role: 'admin' } as const;
const err = (s: string) => process.stderr.write(`${s}\n`);

// 1. One month through the real commands, in memory.
const template = createMemoryStore();
{
  const rt = createRagtrail({ store: template });
  await rt.createPlan({ planId: 'p1', title: 'Bench plan', organisation: 'Bench Council' }, { actor: admin });
  for (let p = 1; p <= 5; p++) await rt.execute('p1', 'AddPriority', { priorityId: `pr${p}`, number: p, title: `Priority ${p}` }, { actor: admin });
  for (let a = 0; a < ACTIONS; a++) await rt.execute('p1', 'AddAction', { actionId: `a${a}`, ref: `${(a % 5) + 1}.${a}`, priorityId: `pr${(a % 5) + 1}`, title: `Action ${a}` }, { actor: admin });
  await rt.execute('p1', 'OpenReview', { period: periodAt(0), reviewer: 'Board chair', reviewDate: `${periodAt(0)}-28` }, { actor: admin });
  for (let a = 0; a < ACTIONS; a++) await rt.execute('p1', 'RecordEntry', { action: `a${a}`, period: periodAt(0), score: scoreOf(a, 0) }, { actor: admin, reason: 'monthly review' });
  await rt.close();
}
const seedEvents = await template.readAll();
const scheme = (seedEvents[0]!.data as { scheme: ScoringScheme }).scheme;
const setup = seedEvents.filter((e) => e.type !== 'ReviewOpened' && e.type !== 'EntryRecorded');
const review = seedEvents.find((e) => e.type === 'ReviewOpened')!;

function periodAt(m: number) {
  return `${1900 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}
function scoreOf(a: number, m: number) {
  return ((a + m) % 3) + 1;
}

// 2. Seal the whole log, a month at a time, and append it in batches.
const dir = mkdtempSync(join(tmpdir(), 'ragtrail-api-bench-'));
const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
const t0 = Date.parse('1900-01-01T09:00:00Z');
let revision = -1;
let prevHash = GENESIS_HASH;
const sealAll = (events: { type: string; version: number; data: unknown; reason: string | null }[]): EventToAppend[] =>
  events.map((e) => {
    revision += 1;
    const sealed = seal({ id: randomUUID(), stream: 'plan-p1', revision, recordedAt: new Date(t0 + revision * 1000).toISOString(), type: e.type, version: e.version, data: e.data, actor: admin, reason: e.reason, prevHash });
    prevHash = sealed.hash;
    return sealed;
  });
const started = performance.now();
let batch = sealAll(setup);
for (let m = 0; revision + 1 < EVENTS; m++) {
  const period = periodAt(m);
  batch.push(...sealAll([
    { type: 'ReviewOpened', version: review.version, data: { ...(review.data as object), period, reviewDate: `${period}-28` }, reason: null },
    ...Array.from({ length: ACTIONS }, (_, a) => {
      const previousScore = m === 0 ? null : scoreOf(a, m - 1), score = scoreOf(a, m);
      return { type: 'EntryRecorded', version: 1, data: { actionId: `a${a}`, period, score, update: '', statedDirection: null, derivedDirection: directionBetween(scheme, previousScore, score), previousScore, source: 'recorded' }, reason: 'monthly review' };
    }),
  ]));
  if (batch.length >= 5_000) {
    await store.append('plan-p1', batch, { expectedRevision: batch[0]!.revision - 1 });
    batch = [];
  }
}
if (batch.length) await store.append('plan-p1', batch, { expectedRevision: batch[0]!.revision - 1 });
err(`seeded ${revision + 1} events in ${Math.round(performance.now() - started)} ms`);

// 3. The app over the seeded store; the first summary builds the kept-current projection once.
const rt = createRagtrail({ store });
const app = createApp({ ragtrail: rt });
app.get('/bare', (c) => c.json({ status: 'ok', figures: [1, 2, 3] }));
const token = (await rt.issueToken({ name: 'Viewer', role: 'viewer' }, { actor: admin })).token;
// A second baseline: the same bytes as the summary, fixed, so the ratio can be split into
// "what a 16 KB body costs any route" and "what the route itself costs".
const sameSize = JSON.stringify(await rt.summary('p1', {}));
app.get('/bare-same-size', (c) => c.body(sameSize, 200, { 'content-type': 'application/json' }));
const server = await new Promise<ReturnType<typeof serve>>((resolve) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function load(path: string, seconds = SECONDS, concurrency = 16, headers: Record<string, string> = {}, expected = 200) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}`, ...headers } });
      await res.arrayBuffer();
      if (res.status !== expected) throw new Error(`${path} answered ${res.status}`);
      latencies.push(performance.now() - t);
    }
  }));
  latencies.sort((x, y) => x - y);
  return { rps: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN };
}
const first = performance.now();
await (await fetch(`${base}/api/plans/p1/summary`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
err(`first summary (builds the projection) ${Math.round(performance.now() - first)} ms`);
await load('/api/plans/p1/summary', 1); // warm up
await load('/bare', 1);
const bare = await load('/bare');
const bareSame = await load('/bare-same-size');
const summary = await load('/api/plans/p1/summary');
// The same summary with the period named: the core then skips finding the latest reviewed period.
const latest = (JSON.parse(sameSize) as { period: string }).period;
const named = await load(`/api/plans/p1/summary?period=${latest}`);
// A polling dashboard that already holds this revision: 304, no body.
const currentTag = (await fetch(`${base}/api/plans/p1/summary`, { headers: { authorization: `Bearer ${token}` } })).headers.get('etag')!;
const notModified = await load('/api/plans/p1/summary', SECONDS, 16, { 'if-none-match': currentTag }, 304);
const events = (await rt.loadPlan('p1')).revision + 1;
const line = (name: string, value: number, unit: string, baselineValue: number, ratio: number) =>
  console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, baseline: 'bare Hono fixed JSON, same server', baselineValue: Math.round(baselineValue * 100) / 100, ratio: Math.round(ratio * 1000) / 1000 }));
line(`api summary req/s (${events} events)`, summary.rps, 'req/s', bare.rps, summary.rps / bare.rps);
line(`api summary p99 (${events} events)`, summary.p99, 'ms', bare.p99, bare.p99 / summary.p99);
console.log(JSON.stringify({ name: `api summary req/s vs same-size fixed body (${events} events)`, value: Math.round(summary.rps), unit: 'req/s', baseline: `bare Hono fixed ${sameSize.length}-byte JSON, same server`, baselineValue: Math.round(bareSame.rps), ratio: Math.round((summary.rps / bareSame.rps) * 1000) / 1000 }));
line(`api summary req/s, ?period=${latest} (${events} events)`, named.rps, 'req/s', bare.rps, named.rps / bare.rps);
line(`api summary p99, ?period=${latest} (${events} events)`, named.p99, 'ms', bare.p99, bare.p99 / named.p99);
line(`api summary req/s, If-None-Match current (304) (${events} events)`, notModified.rps, 'req/s', bare.rps, notModified.rps / bare.rps);
await new Promise((resolve) => server.close(resolve));
await rt.close();
rmSync(dir, { recursive: true, force: true });
