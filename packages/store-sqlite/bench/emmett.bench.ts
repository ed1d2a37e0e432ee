// Peer comparison: the same append-single, append-batch and read-stream workloads through our store
// and through Emmett's SQLite event store (@event-driven-io/emmett-sqlite 0.38.5 on the sqlite3
// driver). Here the baseline is Emmett, so ratio > 1 means ours is faster.
// Emmett sets journal_mode=WAL and leaves synchronous at SQLite's default (FULL), so both pay an fsync
// per commit. Emmett opens and closes its connection around every operation (its design, measured as is).
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { sealedEvents } from '@ragtrail/core/testing';
import { createSqliteStore } from '../src/index.js';
import { progress, report, tempDb } from './report.js';

const SINGLE = Number(process.env.BENCH_SINGLE ?? 2000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);
const READS = Number(process.env.BENCH_READS ?? 20);

const rate = (count: number, since: number) => count / ((performance.now() - since) / 1000);
// Emmett's events are { type, data }: give it the same type and payload our envelopes carry.
const asEmmett = (e: { type: string; data: unknown }) => ({ type: e.type, data: e.data as Record<string, unknown> });

async function appendSingle() {
  progress(`emmett append-single: ${SINGLE} durable appends each way`);
  const events = sealedEvents('plan-bench', SINGLE);
  const ours = createSqliteStore({ path: tempDb('ours.db') });
  let t = performance.now();
  for (const e of events) await ours.append('plan-bench', [e], { expectedRevision: e.revision - 1 });
  const oursRate = rate(SINGLE, t);
  await ours.close();
  const emmett = getSQLiteEventStore({ fileName: tempDb('emmett.db') });
  t = performance.now();
  for (const e of events) await emmett.appendToStream('plan-bench', [asEmmett(e)]);
  const emmettRate = rate(SINGLE, t);
  report('emmett-append-single', oursRate, 'events/s', 'Emmett SQLite appendToStream, one event each', emmettRate);
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
  t = performance.now();
  for (const b of batches) await emmett.appendToStream('plan-batch', b.map(asEmmett));
  const emmettAppend = rate(events.length, t);
  report('emmett-append-batch', oursAppend, 'events/s', 'Emmett SQLite appendToStream, 1000 events each', emmettAppend);

  let seen = 0;
  t = performance.now();
  for (let i = 0; i < READS; i++) seen += (await ours.readStream('plan-batch')).length;
  const oursRead = rate(seen, t);
  await ours.close();
  let emmettSeen = 0;
  t = performance.now();
  for (let i = 0; i < READS; i++) emmettSeen += (await emmett.readStream('plan-batch')).events.length;
  const emmettRead = rate(emmettSeen, t);
  if (emmettSeen !== seen) throw new Error(`read ${seen} events from ours but ${emmettSeen} from Emmett`);
  report('emmett-read-stream', oursRead, 'events/s', `Emmett SQLite readStream of the same ${events.length}-event stream`, emmettRead);
}

await appendSingle();
await appendBatchAndRead();
