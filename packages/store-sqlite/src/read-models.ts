import type Database from 'better-sqlite3';
import type { ReadModelEntry, ReadModelStore } from '@ragtrail/core';
import { assertReadModelEntries } from '@ragtrail/core/internal';

/**
 * Read models in the store's own file (table `read_models`), beside the log: the plan catalogue
 * and plan snapshots. Written after appends, not inside them, so a crash between the two leaves an
 * entry behind the log, which readers see by its revision and refresh.
 */
export function sqliteReadModels(db: Database.Database): ReadModelStore {
  const q = {
    get: db.prepare<[string, string], ReadModelEntry>('SELECT key, value, revision, hash FROM read_models WHERE model = ? AND key = ?'),
    list: db.prepare<[string], ReadModelEntry>('SELECT key, value, revision, hash FROM read_models WHERE model = ?'),
    put: db.prepare<[string, string, string, number, string]>(
      `INSERT INTO read_models (model, key, value, revision, hash) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (model, key) DO UPDATE SET value = excluded.value, revision = excluded.revision, hash = excluded.hash`,
    ),
    removeKey: db.prepare<[string, string]>('DELETE FROM read_models WHERE model = ? AND key = ?'),
    removeAll: db.prepare<[string]>('DELETE FROM read_models WHERE model = ?'),
    revisions: db
      .prepare<[string, string], [string, number]>('SELECT stream, revision FROM streams WHERE substr(stream, 1, length(?)) = ? ORDER BY created')
      .raw(true),
  };
  const put = db.transaction((model: string, entries: readonly ReadModelEntry[]) => {
    for (const e of entries) q.put.run(model, e.key, e.value, e.revision, e.hash);
  });
  const remove = db.transaction((model: string, keys?: readonly string[]) => {
    if (keys === undefined) q.removeAll.run(model);
    else for (const key of keys) q.removeKey.run(model, key);
  });
  return {
    async get(model, key) {
      return q.get.get(model, key);
    },
    async list(model) {
      return q.list.all(model);
    },
    async put(model, entries) {
      assertReadModelEntries(model, entries);
      put.immediate(model, entries);
    },
    async remove(model, keys) {
      remove.immediate(model, keys);
    },
    async streamRevisions(prefix) {
      return new Map(q.revisions.all(prefix, prefix));
    },
  };
}
