// Side by side, the two maintained PostgreSQL clients on the store's own workloads, against a real
// server this script starts: append one event per transaction, append 100 per transaction, read 10k.
// Run: npx tsx packages/store-postgres/bench/drivers.ts  (prints one JSON line per measurement)
import pg from 'pg';
import postgres from 'postgres';
import { sealedEvents } from '@ragtrail/core/testing';
import { startTestServer } from '../test/server/server.js';

const SINGLE = 500;
const BATCHES = 50;
const BATCH = 100;
const READ = 10_000;
const COLUMNS = 'position, id, stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash';
const TABLE = `CREATE TABLE events (position bigint PRIMARY KEY, id text NOT NULL UNIQUE, stream text NOT NULL, revision integer NOT NULL,
  recorded_at text NOT NULL, type text NOT NULL, version integer NOT NULL, data json NOT NULL, actor json NOT NULL, reason text,
  prev_hash text NOT NULL, hash text NOT NULL, UNIQUE (stream, revision))`;

const events = sealedEvents('plan-bench', SINGLE + BATCHES * BATCH + READ);
const row = (i: number) => {
  const e = events[i]!;
  return [i + 1, e.id, e.stream, e.revision, e.recordedAt, e.type, e.version, JSON.stringify(e.data), JSON.stringify(e.actor), e.reason, e.prevHash, e.hash];
};
const placeholders = (n: number) =>
  Array.from({ length: n }, (_, r) => `(${Array.from({ length: 12 }, (_, k) => `$${r * 12 + k + 1}`).join(', ')})`).join(', ');
const time = async (work: () => Promise<void>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

async function withPg(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP TABLE IF EXISTS events');
  await client.query(TABLE);
  const single = await time(async () => {
    for (let i = 0; i < SINGLE; i++) {
      await client.query('BEGIN');
      await client.query(`INSERT INTO events (${COLUMNS}) VALUES ${placeholders(1)}`, row(i));
      await client.query('COMMIT');
    }
  });
  const batch = await time(async () => {
    for (let b = 0; b < BATCHES; b++) {
      const from = SINGLE + b * BATCH;
      await client.query('BEGIN');
      await client.query(`INSERT INTO events (${COLUMNS}) VALUES ${placeholders(BATCH)}`, Array.from({ length: BATCH }, (_, k) => row(from + k)).flat());
      await client.query('COMMIT');
    }
  });
  const rest = SINGLE + BATCHES * BATCH;
  for (let i = rest; i < events.length; i += 1000)
    await client.query(`INSERT INTO events (${COLUMNS}) VALUES ${placeholders(1000)}`, Array.from({ length: 1000 }, (_, k) => row(i + k)).flat());
  const read = await time(async () => {
    const { rows } = await client.query({ text: `SELECT ${COLUMNS.replace('data, actor', 'data::text, actor::text')} FROM events ORDER BY position LIMIT ${READ}`, rowMode: 'array' });
    rows.forEach((r: unknown[]) => (JSON.parse(r[7] as string), JSON.parse(r[8] as string), Number(r[0])));
  });
  await client.end();
  return { single, batch, read };
}

async function withPostgresJs(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  await sql`DROP TABLE IF EXISTS events`;
  await sql.unsafe(TABLE);
  const single = await time(async () => {
    for (let i = 0; i < SINGLE; i++) await sql.begin((tx) => tx.unsafe(`INSERT INTO events (${COLUMNS}) VALUES ${placeholders(1)}`, row(i) as never[]));
  });
  const batch = await time(async () => {
    for (let b = 0; b < BATCHES; b++) {
      const from = SINGLE + b * BATCH;
      const values = Array.from({ length: BATCH }, (_, k) => row(from + k)).flat();
      await sql.begin((tx) => tx.unsafe(`INSERT INTO events (${COLUMNS}) VALUES ${placeholders(BATCH)}`, values as never[]));
    }
  });
  const rest = SINGLE + BATCHES * BATCH;
  for (let i = rest; i < events.length; i += 1000)
    await sql.unsafe(`INSERT INTO events (${COLUMNS}) VALUES ${placeholders(1000)}`, Array.from({ length: 1000 }, (_, k) => row(i + k)).flat() as never[]);
  const read = await time(async () => {
    const rows = await sql.unsafe(`SELECT ${COLUMNS.replace('data, actor', 'data::text, actor::text')} FROM events ORDER BY position LIMIT ${READ}`).values();
    rows.forEach((r) => (JSON.parse(r[7] as string), JSON.parse(r[8] as string), Number(r[0])));
  });
  await sql.end();
  return { single, batch, read };
}

const server = await startTestServer();
try {
  // Alternate the clients over three rounds so a warm cache or a busy moment favours neither.
  for (let round = 1; round <= 3; round++) {
    for (const [name, run] of [['pg', withPg], ['postgres', withPostgresJs]] as const) {
      const r = await run(server.url);
      console.log(JSON.stringify({
        round,
        client: name,
        appendSinglePerSec: Math.round(SINGLE / (r.single / 1000)),
        appendBatchEventsPerSec: Math.round((BATCHES * BATCH) / (r.batch / 1000)),
        read10kMs: Math.round(r.read),
      }));
    }
  }
} finally {
  server.stop();
}
