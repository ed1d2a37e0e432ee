// http-busy (packages/http/bench/busy.bench.ts): does the server stay responsive while it does long work? The p99 latency of
// GET /health and GET /api/plans/:id/summary (one client, request after request, alternating) on an
// idle server, then while a 100,000-row tracker import (IMPORT_ROWS) runs, then while a full
// verify of the resulting log runs; the same requests, the same server (SQLite, the worker pool
// that startServer starts), side by side; then, after a restart, while the first request that
// needs the imported plan loads it (folding its 300,000 events), and after a second restart while
// it loads from the snapshot the first load saved. Aim: p99 under 100 ms while busy. One JSON line
// per result; never asserts.
import { createRagtrail } from '@ragtrail/core';
import { startServer } from '../src/index.js';
import { demoDir } from '@ragtrail/spreadsheets';
import { openStore } from '@ragtrail/stores';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';

const ROWS = Number(process.env.IMPORT_ROWS ?? 100_000);
const AIM_MS = 100;

const lines = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'), 'utf8').split('\n');
const header = lines.findIndex((l) => l.startsWith('No.\t'));
const rows = lines.slice(header + 1).filter((l) => l.trim() !== '');
const tracker = [...lines.slice(0, header + 1), ...Array.from({ length: ROWS }, (_, i) => [String(i + 1), ...rows[i % rows.length]!.split('\t').slice(1)].join('\t'))].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'ragtrail-http-busy-'));
const storeUrl = `sqlite:${join(dir, 'bench.db')}`;
const seed = createRagtrail({ store: await openStore(storeUrl) });
const admin = { actor: { id: 'bench', name: 'Bench', role: 'admin' as const } };
const demo = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'));
const token = (await seed.issueToken({ name: 'Bench', role: 'admin' }, admin)).token;
await seed.close();
// The long tracker is about 25 MB: the upload limit is raised for it (the reading limits stay at their defaults).
let server = await startServer({ storeUrl, port: 0, logger: pino({ level: 'silent' }), importLimitBytes: 64_000_000 });
const auth = { authorization: `Bearer ${token}` };
const post = (path: string, body: Uint8Array | string) => fetch(`${server.url}${path}`, { method: 'POST', headers: auth, body: typeof body === 'string' ? body : Buffer.from(body) });
// A small plan for the summary, imported through the same route (this also starts a worker).
process.stderr.write('  server up; warming the worker pool\n');
const small = await post('/api/imports/tracker?fileName=small.tsv&planId=small', demo);
if (small.status !== 201) throw new Error(`seeding the small plan failed: ${small.status} ${await small.text()}`);
await (await fetch(`${server.url}/api/verify`, { headers: auth })).text();
process.stderr.write('  measuring the idle server\n');

const paths = ['/health', '/api/plans/small/summary'] as const;
async function measure(until: () => boolean, minMs: number): Promise<Record<(typeof paths)[number], number[]>> {
  const took: Record<string, number[]> = { [paths[0]]: [], [paths[1]]: [] };
  const started = performance.now();
  const client = async () => {
    for (let i = 0; !until() || performance.now() - started < minMs; i++) {
      const path = paths[i % 2]!;
      const t = performance.now();
      const res = await fetch(`${server.url}${path}`, { headers: auth });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      took[path]!.push(performance.now() - t);
      if (until() && performance.now() - started >= minMs) break;
    }
  };
  await client();
  return took as Record<(typeof paths)[number], number[]>;
}
const p99 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]!; };
const round = (n: number) => Math.round(n * 100) / 100;

const idle = await measure(() => true, 5_000);
let importing = true;
const t0 = performance.now();
const imported = post('/api/imports/tracker?fileName=long.tsv&planId=long', tracker).then(async (r) => { importing = false; return { status: r.status, body: await r.text() }; });
const duringImport = await measure(() => !importing, 0);
const importResult = await imported;
const importSeconds = (performance.now() - t0) / 1000;
if (importResult.status !== 201) throw new Error(`the import failed: ${importResult.status} ${importResult.body.slice(0, 300)}`);
let verifying = true;
const t1 = performance.now();
const verified = fetch(`${server.url}/api/verify`, { headers: auth }).then(async (r) => { verifying = false; return r.json() as Promise<{ ok: boolean; events: number }>; });
const duringVerify = await measure(() => !verifying, 0);
const verifyResult = await verified;
const verifySeconds = (performance.now() - t1) / 1000;

/** Restarts the server on the same store, then measures while the first request for the long plan loads it. */
async function firstLoadAfterRestart(): Promise<{ sample: Awaited<ReturnType<typeof measure>>; seconds: number }> {
  await server.close();
  server = await startServer({ storeUrl, port: 0, logger: pino({ level: 'silent' }), importLimitBytes: 64_000_000 });
  // The small plan first, so what is measured is the long plan's load and not the small one's.
  await (await fetch(`${server.url}/api/plans/small/summary`, { headers: auth })).arrayBuffer();
  let loading = true;
  const t = performance.now();
  // The milestones view needs the whole plan folded but answers little: the load, not the answer's size, is measured.
  const loaded = fetch(`${server.url}/api/plans/long/milestones`, { headers: auth }).then(async (r) => { loading = false; await r.arrayBuffer(); return r.status; });
  const sample = await measure(() => !loading, 0);
  if ((await loaded) !== 200) throw new Error('loading the long plan failed');
  return { sample, seconds: (performance.now() - t) / 1000 };
}
const cold = await firstLoadAfterRestart();
const fromSnapshot = await firstLoadAfterRestart();
await server.close();
rmSync(dir, { recursive: true, force: true });
process.stderr.write(`  import of ${ROWS} rows: ${importSeconds.toFixed(1)} s; verify of ${verifyResult.events} events: ${verifySeconds.toFixed(1)} s (ok: ${verifyResult.ok})\n`);
process.stderr.write(`  first load of the long plan after a restart: ${cold.seconds.toFixed(1)} s folding its events, ${fromSnapshot.seconds.toFixed(1)} s from its snapshot\n`);

const phases = [
  [`a ${ROWS}-row import`, duringImport],
  [`a full verify (${verifyResult.events} events)`, duringVerify],
  ['the first load of the imported plan after a restart', cold.sample],
  ['the first load of the imported plan from its snapshot', fromSnapshot.sample],
] as const;
for (const [work, sample] of phases)
  for (const path of paths) {
    const busy = p99(sample[path]);
    const quiet = p99(idle[path]);
    process.stderr.write(`  ${path} during ${work}: p99 ${busy.toFixed(1)} ms over ${sample[path].length} requests (idle: ${quiet.toFixed(1)} ms over ${idle[path].length})\n`);
    console.log(JSON.stringify({ name: `http-busy ${path === '/health' ? 'health' : 'summary'} p99 during ${work}`, value: round(busy), unit: 'ms', baseline: 'same requests, idle server', baselineValue: round(quiet), ratio: round(busy / quiet), aim: AIM_MS }));
  }
