// Peer comparison: the same append-single, append-batch and read-stream workloads through our store
// and through Emmett's SQLite event store (@event-driven-io/emmett-sqlite 0.38.5 on the sqlite3
// driver). Here the baseline is Emmett, so ratio > 1 means ours is faster.
// Emmett sets journal_mode=WAL and leaves synchronous at SQLite's default (FULL), so both pay an fsync
// per commit. Emmett opens and closes its connection around every operation (its design, measured as is).
// This folder sits outside the pnpm workspace with its own package-lock.json, so `pnpm install` never
// builds Emmett's native sqlite3; `pnpm bench:peers` installs it (npm ci) and runs this file. Our side
// is imported by path, as the workspace packages are not dependencies of this folder.
import { sealedEvents } from '../../../packages/core/src/testing/index.js';
import { createSqliteStore } from '../../../packages/store-sqlite/src/index.js';
import { progress, report, tempDb } from '../../../packages/store-sqlite/bench/report.js';

// Emmett logs its own errors with console.log; keep stdout for the JSON result lines only.
console.log = (...args: unknown[]) => console.error(...args);

// Loaded at run time so a bench run where this folder is not installed (or its native sqlite3 did not
// build) says why on stderr, reports nothing and fails, rather than reporting a comparison it did not make.
const emmettModule = await import('@event-driven-io/emmett-sqlite').catch((error: unknown) => {
  progress(`emmett: not run, @event-driven-io/emmett-sqlite does not load here (install it with \`pnpm bench:peers\`, which runs npm ci --prefix test/peers/emmett): ${String(error)}`);
  return undefined;
});
if (!emmettModule) process.exit(1);
const { getSQLiteEventStore } = emmettModule;

const SINGLE = Number(process.env.BENCH_SINGLE ?? 2000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);
const READS = Number(process.env.BENCH_READS ?? 20);

const rate = (count: number, since: number) => count / ((performance.now() - since) / 1000);
/**
 * Runs Emmett's side of a workload. Emmett 0.38.5 can fail mid-run (single appends to one stream stop
 * after about 300 with "SQLITE_BUSY: cannot commit transaction - SQL statements in progress" here),
 * so a failure is reported on stderr and the rate is taken over the operations that completed.
 */
async function timeEmmett(label: string, ops: number, run: (i: number) => Promise<number>): Promise<{ rate: number; note: string }> {
  let done = 0;
  let events = 0;
  const t = performance.now();
  try {
    for (; done < ops; done++) events += await run(done);
  } catch (error) {
    const note = ` (Emmett failed after ${done} of ${ops} operations: ${String(error)}; rate over those)`;
    progress(`${label}:${note}`);
    return { rate: rate(events, t), note };
  }
  return { rate: rate(events, t), note: '' };
}
// Emmett's events are { type, data }: give it the same type and payload our envelopes carry.
const asEmmett = (e: { type: string; data: unknown }) => ({ type: e.type, data: e.data as Record<string, unknown> });

async function appendSingle() {
  progress(`emmett append-single: ${SINGLE} durable appends each way`);
  const events = sealedEvents('plan-bench', SINGLE);
  const ours = createSqliteStore({ path: tempDb('ours.db') });
  const t = performance.now();
  for (const e of events) await ours.append('plan-bench', [e], { expectedRevision: e.revision - 1 });
  const oursRate = rate(SINGLE, t);
  await ours.close();
  const emmett = getSQLiteEventStore({ fileName: tempDb('emmett.db') });
  const theirs = await timeEmmett('emmett append-single', SINGLE, async (i) => {
    await emmett.appendToStream('plan-bench', [asEmmett(events[i]!)]);
    return 1;
  });
  report('emmett-append-single', oursRate, 'events/s', `Emmett SQLite appendToStream, one event each${theirs.note}`, theirs.rate);
}

async function appendBatchAndRead() {
  progress(`emmett append-batch: ${BATCHES} batches of 1000 each way, then ${READS} reads of the whole stream`);
  const events = sealedEvents('plan-batch', BATCHES * 1000);
  const batches = Array.from({ length: BATCHES }, (_, i) => events.slice(i * 1000, (i + 1) * 1000));
  const ours = createSqliteStore({ path: tempDb('ours.db') });
  let t = performance.now();
  for (const b of batches) await ours.append('plan-batch', b, { expectedRevision: b[0]!.revision - 1 });
  const oursAppend = rate(events.length, t);
  const emmett = getSQLiteEventStore({ fileName: tempDb('emmett.db') });
  const appended = await timeEmmett('emmett append-batch', BATCHES, async (i) => {
    await emmett.appendToStream('plan-batch', batches[i]!.map(asEmmett));
    return 1000;
  });
  report('emmett-append-batch', oursAppend, 'events/s', `Emmett SQLite appendToStream, 1000 events each${appended.note}`, appended.rate);

  let seen = 0;
  t = performance.now();
  for (let i = 0; i < READS; i++) seen += (await ours.readStream('plan-batch')).length;
  const oursRead = rate(seen, t);
  await ours.close();
  const read = await timeEmmett('emmett read-stream', READS, async () => (await emmett.readStream('plan-batch')).events.length);
  report('emmett-read-stream', oursRead, 'events/s', `Emmett SQLite readStream of its copy of the ${events.length}-event stream${read.note}`, read.rate);
}

await appendSingle();
await appendBatchAndRead();
