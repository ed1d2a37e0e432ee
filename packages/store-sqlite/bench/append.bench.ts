// append-single and append-batch: the store's append (revision check, stream row, notify) against
// raw INSERTs in the same transactions with the same pragmas.
import { sealedEvents } from '@ragtrail/core/testing';
import { createSqliteStore } from '../src/index.js';
import { rawWriter } from './raw.js';
import { progress, report, tempDb } from './report.js';

const SINGLE = Number(process.env.BENCH_SINGLE ?? 2000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);

async function single() {
  const events = sealedEvents('plan-bench', SINGLE);
  progress(`append-single: ${SINGLE} durable appends each way`);
  const store = createSqliteStore({ path: tempDb('store.db') });
  let t = performance.now();
  for (const e of events) await store.append('plan-bench', [e], { expectedRevision: e.revision - 1 });
  const storeRate = SINGLE / ((performance.now() - t) / 1000);
  await store.close();
  const raw = rawWriter(tempDb('raw.db'));
  t = performance.now();
  for (const e of events) raw.insertAll([e]);
  const rawRate = SINGLE / ((performance.now() - t) / 1000);
  raw.db.close();
  report('append-single', storeRate, 'events/s', 'raw better-sqlite3 insert, one transaction each', rawRate);
}

async function batch() {
  progress(`append-batch: ${BATCHES} batches of 1000 each way`);
  const events = sealedEvents('plan-batch', BATCHES * 1000);
  const batches = Array.from({ length: BATCHES }, (_, i) => events.slice(i * 1000, (i + 1) * 1000));
  const store = createSqliteStore({ path: tempDb('store.db') });
  let t = performance.now();
  for (const b of batches) await store.append('plan-batch', b, { expectedRevision: b[0]!.revision - 1 });
  const storeRate = events.length / ((performance.now() - t) / 1000);
  await store.close();
  const raw = rawWriter(tempDb('raw.db'));
  t = performance.now();
  for (const b of batches) raw.insertAll(b);
  const rawRate = events.length / ((performance.now() - t) / 1000);
  raw.db.close();
  report('append-batch', storeRate, 'events/s', 'raw better-sqlite3 batched inserts, one transaction per 1000', rawRate);
}

await single();
await batch();
