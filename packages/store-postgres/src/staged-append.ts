import type pg from 'pg';
import { ConcurrencyError } from '@ragtrail/core';
import { assertAppendable, assertRecordedInOrder } from '@ragtrail/core/internal';
import type { AppendResult, StagedAppend } from '@ragtrail/core';
import { insertBatch } from './rows.js';
import type { Names } from './schema.js';

/** What a staged append needs of the store that opened it. */
export interface StagingHost {
  pool: pg.Pool;
  names: Names;
  rowsPerInsert: number;
  /** Opens the append transaction under the store's lock and reads the stream's revision and the log's tip. */
  beginAndTip(client: pg.PoolClient, stream: string): Promise<{ revision: number; position: number; recordedAt: string | null }>;
  /** An error of the copy as an append would throw it (a unique clash is a lost race). */
  clash(error: unknown, stream: string, expectedRevision: number): Promise<unknown>;
  /** Tells live subscribers in this process that the log grew. */
  appended(): void;
}

let opened = 0;

const EVENT_COLUMNS = 'position, id, stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash';

/**
 * An append built up in a temporary table of one session (a connection held from the first part
 * to the commit): invisible to every other session, kept by the server rather than in this
 * process's memory, and holding no lock until the commit, which copies it into the log in one
 * transaction under the store's append lock, with `append`'s checks. The table is dropped and the
 * connection returned either way.
 */
export function openStagedAppend(host: StagingHost, stream: string, expectedRevision: number): StagedAppend {
  // The name is this module's counter, never text from outside.
  const table = `staged_append_${++opened}`;
  let client: pg.PoolClient | undefined;
  let broken: Error | undefined;
  const onLost = (error: Error) => (broken = error);
  let count = 0;
  let firstRecordedAt: string | undefined;
  let lastStagedAt: string | undefined;
  let finished = false;

  const session = async (): Promise<pg.PoolClient> => {
    if (client) return client;
    client = await host.pool.connect();
    client.on('error', onLost);
    await client.query(`CREATE TEMP TABLE ${table} (LIKE ${host.names.events})`);
    return client;
  };
  const finish = async () => {
    if (finished) return;
    finished = true;
    if (!client) return;
    await client.query(`DROP TABLE IF EXISTS ${table}`).catch((e: Error) => (broken = e));
    client.off('error', onLost);
    client.release(broken);
  };
  const open = () => {
    if (finished) throw new Error(`The staged append to ${stream} is finished: open another`);
  };

  const copy = async (c: pg.PoolClient): Promise<AppendResult> => {
    const tip = await host.beginAndTip(c, stream);
    if (tip.revision !== expectedRevision) throw new ConcurrencyError(stream, expectedRevision, tip.revision);
    if (count === 0) {
      await c.query('COMMIT');
      return { nextExpectedRevision: tip.revision, lastPosition: tip.position };
    }
    assertRecordedInOrder(stream, tip.recordedAt, [{ recordedAt: firstRecordedAt! }]);
    const revision = expectedRevision + count;
    const last = tip.position + count;
    await c.query({
      text: `WITH inserted AS (
               INSERT INTO ${host.names.events} (${EVENT_COLUMNS})
               SELECT position + $1, id, stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash FROM ${table} ORDER BY position
               RETURNING 1),
             upsert AS (
               INSERT INTO ${host.names.streams} (stream, revision, created) VALUES ($2, $3, $4)
               ON CONFLICT (stream) DO UPDATE SET revision = EXCLUDED.revision RETURNING 1)
             SELECT pg_notify($5, $6) FROM upsert`,
      values: [tip.position, stream, revision, tip.position + 1, host.names.channel, String(last)],
    });
    await c.query('COMMIT');
    return { nextExpectedRevision: revision, lastPosition: last, firstPosition: tip.position + 1 };
  };

  return {
    async stage(events) {
      open();
      assertAppendable(stream, events, expectedRevision + count);
      assertRecordedInOrder(stream, lastStagedAt, events);
      if (events.length === 0) return;
      const c = await session();
      for (let i = 0; i < events.length; i += host.rowsPerInsert) {
        const part = events.slice(i, i + host.rowsPerInsert);
        // The staged order is kept in `position` (1, 2, ...); the commit adds the log's tip to it.
        await c.query(insertBatch(table, part, part.map((_, j) => count + i + j + 1)));
      }
      count += events.length;
      firstRecordedAt ??= events[0]!.recordedAt;
      lastStagedAt = events[events.length - 1]!.recordedAt;
    },
    async commit() {
      open();
      const c = await session();
      try {
        const result = await copy(c);
        if (count > 0) host.appended();
        return result;
      } catch (error) {
        await c.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw await host.clash(error, stream, expectedRevision);
      } finally {
        await finish();
      }
    },
    async abort() {
      await finish();
    },
  };
}

