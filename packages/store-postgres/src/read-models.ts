import type pg from 'pg';
import type { ReadModelEntry, ReadModelStore } from '@ragtrail/core';
import { assertReadModelEntries } from '@ragtrail/core/internal';
import type { Names } from './schema.js';

/** Rows per upsert statement: 5 parameters each, well under PostgreSQL's 65,535. */
const ROWS_PER_PUT = 2000;

/**
 * Read models in the store's schema (table `read_models`), beside the log: the plan catalogue and
 * plan snapshots. Written after appends, not inside them (no append waits on them), so every entry
 * names the revision and hash it covers and readers refresh one that is behind.
 */
export function postgresReadModels(pool: pg.Pool, names: Names): ReadModelStore {
  const columns = 'key, value, revision, hash';
  const entries = (rows: unknown[][]): ReadModelEntry[] =>
    rows.map(([key, value, revision, hash]) => ({ key: key as string, value: value as string, revision: Number(revision), hash: hash as string }));
  return {
    async get(model, key) {
      const { rows } = await pool.query<unknown[]>({ text: `SELECT ${columns} FROM ${names.readModels} WHERE model = $1 AND key = $2`, values: [model, key], rowMode: 'array' });
      return entries(rows)[0];
    },
    async list(model) {
      const { rows } = await pool.query<unknown[]>({ text: `SELECT ${columns} FROM ${names.readModels} WHERE model = $1`, values: [model], rowMode: 'array' });
      return entries(rows);
    },
    async put(model, batch) {
      assertReadModelEntries(model, batch);
      if (batch.length === 0) return;
      // A key given twice in one statement would make ON CONFLICT fail: the last one given wins, as in a loop.
      const unique = [...new Map(batch.map((e) => [e.key, e])).values()];
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (let i = 0; i < unique.length; i += ROWS_PER_PUT) {
          const chunk = unique.slice(i, i + ROWS_PER_PUT);
          const values: unknown[] = [];
          const tuples = chunk.map((e, j) => {
            values.push(model, e.key, e.value, e.revision, e.hash);
            const b = j * 5;
            return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
          });
          await client.query(
            `INSERT INTO ${names.readModels} (model, ${columns}) VALUES ${tuples.join(', ')}
             ON CONFLICT (model, key) DO UPDATE SET value = EXCLUDED.value, revision = EXCLUDED.revision, hash = EXCLUDED.hash`,
            values,
          );
        }
        await client.query('COMMIT');
        client.release();
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release(true);
        throw error;
      }
    },
    async remove(model, keys) {
      if (keys === undefined) await pool.query(`DELETE FROM ${names.readModels} WHERE model = $1`, [model]);
      else await pool.query(`DELETE FROM ${names.readModels} WHERE model = $1 AND key = ANY($2::text[])`, [model, [...keys]]);
    },
    async streamRevisions(prefix) {
      const { rows } = await pool.query<[string, number]>({
        text: `SELECT stream, revision FROM ${names.streams} WHERE left(stream, length($1)) = $1 ORDER BY created`,
        values: [prefix],
        rowMode: 'array',
      });
      return new Map(rows.map(([s, r]) => [s, Number(r)]));
    },
  };
}
