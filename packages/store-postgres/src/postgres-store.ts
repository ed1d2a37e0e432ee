import pg from 'pg';
import { ConcurrencyError } from '@ragtrail/core';
import { assertAppendable, assertRecordedInOrder, createLiveFeed } from '@ragtrail/core/internal';
import type { AppendResult, EventStore, EventToAppend, StagedAppend, ReadAllOptions, ReadStreamOptions, StoredEvent, SubscribeOptions, Subscription } from '@ragtrail/core';
import { migrate, namesFor } from './schema.js';
import { EVENT_COLUMNS, fromRow, insertBatch } from './rows.js';
import { createListener } from './listener.js';
import { postgresReadModels } from './read-models.js';
import { openStagedAppend } from './staged-append.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database` (any libpq-style URL the `pg` client accepts). */
  connectionString: string;
  /** The PostgreSQL schema holding the store's tables, created if missing (default `ragtrail`). */
  schema?: string;
  /** Most connections the store opens at once for reads and appends (default 10). */
  poolSize?: number;
}

export interface PostgresEventStore extends EventStore {
  /** Appends events carrying their own global positions (restoring a backup into an empty store). */
  appendWithPositions(stream: string, events: readonly StoredEvent[], options: { expectedRevision: number }): Promise<AppendResult>;
  /** Always present here: parts go to a temporary table of one session until `commit` (see `EventStore.stageAppend`). */
  stageAppend(stream: string, options: { expectedRevision: number }): StagedAppend;
}

/** PostgreSQL caps a statement at 65,535 parameters; 12 per event leaves room below it. */
const ROWS_PER_INSERT = 1000;
const UNIQUE_VIOLATION = '23505';

/**
 * An event store on PostgreSQL. Every append holds one advisory lock for the length of its
 * transaction, so positions are handed out and committed in the same order: a reader that has seen
 * position N can never later find N-1 committed (see docs/postgres.md for the failure this prevents).
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresEventStore> {
  const names = namesFor(options.schema ?? 'ragtrail');
  const connection: pg.ClientConfig = { connectionString: options.connectionString, connectionTimeoutMillis: 10_000, keepAlive: true };
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  // An idle connection the server dropped (restart, network) is thrown away by the pool; without a
  // listener its error event would end the process.
  pool.on('error', () => undefined);

  const setup = await pool.connect();
  const onSetupLost = () => undefined; // the migration's own query rejects with the error
  setup.on('error', onSetupLost);
  try {
    await migrate(setup, names);
  } catch (error) {
    setup.release(true);
    await pool.end();
    throw error;
  } finally {
    setup.off('error', onSetupLost);
  }
  setup.release();

  const [lockClass, lockKey] = names.lock;
  const q = {
    // One round trip opens the transaction, takes the lock and reads the stream's revision, the last
    // position and its recorded time (a simple query of three statements, so the stream name is a
    // quoted literal). The lock is a statement of its own: under READ COMMITTED each statement takes a
    // new snapshot, so the read that follows sees everything the previous lock holder committed.
    beginAndTip: (stream: string, quote: (text: string) => string) =>
      `BEGIN; SELECT pg_advisory_xact_lock(${lockClass}, ${lockKey});
       SELECT (SELECT revision FROM ${names.streams} WHERE stream = ${quote(stream)}) AS revision, last.position, last.recorded_at
       FROM (SELECT 1) AS one LEFT JOIN (SELECT position, recorded_at FROM ${names.events} ORDER BY position DESC LIMIT 1) AS last ON true`,
    revision: `SELECT revision FROM ${names.streams} WHERE stream = $1`,
    readStream: `SELECT ${EVENT_COLUMNS} FROM ${names.events} WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
    readAll: `SELECT ${EVENT_COLUMNS} FROM ${names.events} WHERE position > $1 ORDER BY position LIMIT $2`,
    listStreams: `SELECT stream FROM ${names.streams} WHERE left(stream, length($1)) = $1 ORDER BY created`,
  };

  const currentRevision = async (stream: string): Promise<number> => {
    const { rows } = await pool.query<[number]>({ text: q.revision, values: [stream], rowMode: 'array' });
    return rows[0]?.[0] ?? -1;
  };

  /** Opens an append's transaction under the lock: the stream's revision, the log's last position and its recorded time. */
  const beginAndTip = async (client: pg.PoolClient, stream: string) => {
    const results = (await client.query(q.beginAndTip(stream, (text) => client.escapeLiteral(text)))) as unknown as pg.QueryResult[];
    const tip = results[2]!.rows[0] as { revision: number | null; position: string | null; recorded_at: string | null };
    return { revision: tip.revision ?? -1, position: Number(tip.position ?? 0), recordedAt: tip.recorded_at };
  };

  /** A UNIQUE clash on (stream, revision) or (stream) means another writer got there first. */
  const clash = async (error: unknown, stream: string, expectedRevision: number): Promise<unknown> =>
    (error as { code?: string }).code === UNIQUE_VIOLATION && /revision|streams_pkey/.test((error as Error).message)
      ? new ConcurrencyError(stream, expectedRevision, await currentRevision(stream))
      : error;

  const write = async (client: pg.PoolClient, stream: string, events: readonly (EventToAppend & { position?: number })[], expectedRevision: number): Promise<AppendResult> => {
    const tip = await beginAndTip(client, stream);
    const actual = tip.revision;
    let last = tip.position;
    const lastRecordedAt = tip.recordedAt;
    if (actual !== expectedRevision) throw new ConcurrencyError(stream, expectedRevision, actual);
    assertAppendable(stream, events, expectedRevision);
    if (events.length === 0) {
      await client.query('COMMIT');
      return { nextExpectedRevision: actual, lastPosition: last };
    }
    // Recorded times never go backwards along the global order (read under the append lock); a
    // migration's copy (explicit positions) keeps the source's history as it was.
    if (!events.some((e) => e.position !== undefined)) assertRecordedInOrder(stream, lastRecordedAt, events);
    const positions = events.map((event) => {
      const position = event.position ?? last + 1;
      if (position <= last) throw new Error(`Event ${event.id} has position ${position}; positions must grow past ${last}`);
      return (last = position);
    });
    const revision = events[events.length - 1]!.revision;
    for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
      const insert = insertBatch(names.events, events.slice(i, i + ROWS_PER_INSERT), positions.slice(i, i + ROWS_PER_INSERT));
      if (i + ROWS_PER_INSERT < events.length) {
        await client.query(insert);
        continue;
      }
      // The last rows, the stream's row and the notification in one statement (one round trip fewer
      // per append). Data-modifying WITH parts run to completion whether or not the query reads them.
      // The notification is queued now and delivered only if the transaction commits.
      const n = insert.values.length;
      await client.query({
        text: `WITH inserted AS (${insert.text} RETURNING 1),
               upsert AS (
                 INSERT INTO ${names.streams} (stream, revision, created) VALUES ($${n + 1}, $${n + 2}, $${n + 3})
                 ON CONFLICT (stream) DO UPDATE SET revision = EXCLUDED.revision RETURNING 1)
               SELECT pg_notify($${n + 4}, $${n + 5}) FROM upsert`,
        values: [...insert.values, stream, revision, positions[0], names.channel, String(last)],
      });
    }
    await client.query('COMMIT');
    return { nextExpectedRevision: revision, lastPosition: last };
  };

  const appendRows = async (stream: string, events: readonly (EventToAppend & { position?: number })[], expectedRevision: number) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    // While checked out, a connection the server drops emits 'error' with no pool listening: catch
    // it here (the query in flight rejects with it anyway) so a server crash fails the append, not the process.
    const onLost = (error: Error) => (broken = error);
    client.on('error', onLost);
    try {
      const result = await write(client, stream, events, expectedRevision);
      feed.notify();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw await clash(error, stream, expectedRevision);
    } finally {
      client.off('error', onLost);
      // A connection that was lost or could not even roll back is dead: destroy it, never reuse it.
      client.release(broken);
    }
  };

  const readAfter = async (after: number, maxCount: number | null = 1000) => {
    const { rows } = await pool.query<unknown[]>({ text: q.readAll, values: [after, maxCount], rowMode: 'array' });
    return rows.map(fromRow);
  };
  const feed = createLiveFeed((after) => readAfter(after));
  const listener = createListener(connection, names.channel, () => feed.notify());
  let subscribers = 0;

  let closed = false;
  return {
    kind: 'postgres',
    readModels: postgresReadModels(pool, names),
    append: (stream, events, { expectedRevision }) => appendRows(stream, events, expectedRevision),
    appendWithPositions: (stream, events, { expectedRevision }) => appendRows(stream, events, expectedRevision),
    stageAppend: (stream, { expectedRevision }) =>
      openStagedAppend({ pool, names, rowsPerInsert: ROWS_PER_INSERT, beginAndTip, clash, appended: () => feed.notify() }, stream, expectedRevision),
    async readStream(stream: string, opts: ReadStreamOptions = {}) {
      const { rows } = await pool.query<unknown[]>({ text: q.readStream, values: [stream, opts.fromRevision ?? 0, opts.maxCount ?? null], rowMode: 'array' });
      return rows.map(fromRow);
    },
    readAll: (opts: ReadAllOptions = {}) => readAfter(opts.after ?? 0, opts.maxCount ?? null),
    streamRevision: currentRevision,
    async listStreams(prefix = '') {
      const { rows } = await pool.query<[string]>({ text: q.listStreams, values: [prefix], rowMode: 'array' });
      return rows.map((r) => r[0]);
    },
    subscribe(opts: SubscribeOptions): Subscription {
      const sub = feed.subscribe(opts);
      subscribers++;
      listener.start();
      let done = false;
      return {
        close: async () => {
          if (done) return;
          done = true;
          await sub.close();
          if (--subscribers === 0) await listener.stop();
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await listener.stop();
      await feed.closeAll();
      await pool.end();
    },
  };
}
