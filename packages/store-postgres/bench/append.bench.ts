// append-single/postgres and append-batch/postgres: the store's append (append lock, revision and
// recorded-time check, stream row, notification) against the raw `pg` driver doing the same inserts
// (one transaction per append, the same multi-row INSERT of up to 1,000 rows) into the same table
// layout, on one real server this bench starts. BENCH_SINGLE and BENCH_BATCHES as for SQLite.
import pg from 'pg';
import type { EventToAppend } from '@ragtrail/core';
import { sealedEvents } from '@ragtrail/core/testing';
import { createPostgresStore } from '../src/index.js';
import { insertBatch } from '../src/rows.js';
import { startTestServer } from '../test/server/server.js';

const round = (n: number) => Math.round(n * 1000) / 1000;
/** One result line, in the shape every bench prints: the value, the baseline measured in the same run, value / baseline. */
const report = (name: string, value: number, unit: string, baseline: string, baselineValue: number) =>
  process.stdout.write(`${JSON.stringify({ name, value: round(value), unit, baseline, baselineValue: round(baselineValue), ratio: round(value / baselineValue) })}\n`);
const progress = (message: string) => process.stderr.write(`  ${message}\n`);

const SINGLE = Number(process.env.BENCH_SINGLE ?? 2000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);
const ROWS_PER_INSERT = 1000;

const server = await startTestServer();
let schemas = 0;

/** The store's own table layout (its migration) in a fresh schema, written by plain INSERTs. */
async function rawWriter() {
  const schema = `raw${++schemas}`;
  const layout = await createPostgresStore({ connectionString: server.url, schema });
  await layout.close();
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  let position = 0;
  return {
    async insertAll(events: readonly EventToAppend[]) {
      await client.query('BEGIN');
      for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
        const chunk = events.slice(i, i + ROWS_PER_INSERT);
        await client.query(insertBatch(`"${schema}".events`, chunk, chunk.map(() => ++position)));
      }
      await client.query('COMMIT');
    },
    close: () => client.end(),
  };
}

/** Store and raw writer alternate in rounds, so a busy moment on this shared machine hurts neither alone. */
async function compare(name: string, baseline: string, batches: EventToAppend[][], rounds = 10): Promise<void> {
  let storeMs = 0;
  let rawMs = 0;
  const per = Math.ceil(batches.length / rounds);
  const store = await createPostgresStore({ connectionString: server.url, schema: `store${++schemas}` });
  const raw = await rawWriter();
  for (let r = 0; r < rounds; r++) {
    const part = batches.slice(r * per, (r + 1) * per);
    let t = performance.now();
    for (const b of part) await store.append(b[0]!.stream, b, { expectedRevision: b[0]!.revision - 1 });
    storeMs += performance.now() - t;
    t = performance.now();
    for (const b of part) await raw.insertAll(b);
    rawMs += performance.now() - t;
  }
  await store.close();
  await raw.close();
  const events = batches.reduce((n, b) => n + b.length, 0);
  report(name, events / (storeMs / 1000), 'events/s', baseline, events / (rawMs / 1000));
}

try {
  progress(`append-single/postgres: ${SINGLE} durable one-event appends each way`);
  await compare('append-single/postgres', 'raw pg INSERT of the same row, one transaction each', sealedEvents('plan-bench', SINGLE).map((e) => [e]));
  progress(`append-batch/postgres: ${BATCHES} appends of 1000 events each way`);
  const events = sealedEvents('plan-batch', BATCHES * 1000);
  await compare('append-batch/postgres', 'raw pg multi-row INSERT of the same 1000 rows, one transaction each', Array.from({ length: BATCHES }, (_, i) => events.slice(i * 1000, (i + 1) * 1000)));
} finally {
  server.stop();
}
