// Requests/s and p99 of the plan summary route on a plan of ~100,000 events, against a bare route
// returning fixed JSON on the same server in the same run. Prints one JSON line per result.
import { serve } from '@hono/node-server';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/index.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const admin = { id: 'bench', name: 'Bench', role: 'admin' } as const;
const rt = createRagtrail({ store: createMemoryStore(), now: () => new Date('2026-03-10T10:00:00Z') });
await rt.createPlan({ planId: 'p1', title: 'Bench plan', organisation: 'Council' }, { actor: admin });
const ACTIONS = 50;
await rt.execute('p1', 'AddPriority', { priorityId: 'pr1', number: 1, title: 'Leadership' }, { actor: admin });
for (let a = 0; a < ACTIONS; a++) await rt.execute('p1', 'AddAction', { actionId: `a${a}`, ref: `1.${a}`, priorityId: 'pr1', title: `Action ${a}` }, { actor: admin });
let revision = (await rt.loadPlan('p1')).revision;
for (let m = 0; revision < EVENTS; m++) {
  const year = 1900 + Math.floor(m / 12), month = String((m % 12) + 1).padStart(2, '0');
  const period = `${year}-${month}`;
  await rt.execute('p1', 'OpenReview', { period, reviewer: 'R', reviewDate: `${period}-28` }, { actor: admin });
  for (let a = 0; a < ACTIONS; a++) revision = (await rt.execute('p1', 'RecordEntry', { action: `a${a}`, period, score: ((a + m) % 3) + 1 }, { actor: admin, reason: 'monthly review' })).revision;
}
const app = createApp({ ragtrail: rt });
app.get('/bare', (c) => c.json({ status: 'ok', figures: [1, 2, 3] }));
const token = (await rt.issueToken({ name: 'Viewer', role: 'viewer' }, { actor: admin })).token;
const server = await new Promise<ReturnType<typeof serve>>((resolve) => { const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function load(path: string, seconds = 5, concurrency = 16) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      latencies.push(performance.now() - t);
    }
  }));
  latencies.sort((x, y) => x - y);
  return { rps: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN };
}
await load('/api/plans/p1/summary', 1); // warm up
const bare = await load('/bare');
const summary = await load('/api/plans/p1/summary');
const line = (name: string, value: number, unit: string, baselineValue: number, ratio: number) =>
  console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, baseline: 'bare Hono fixed JSON, same server', baselineValue: Math.round(baselineValue * 100) / 100, ratio: Math.round(ratio * 1000) / 1000 }));
line(`api summary req/s (${revision} events)`, summary.rps, 'req/s', bare.rps, summary.rps / bare.rps);
line(`api summary p99 (${revision} events)`, summary.p99, 'ms', bare.p99, bare.p99 / summary.p99);
await new Promise((resolve) => server.close(resolve));
await rt.close();
