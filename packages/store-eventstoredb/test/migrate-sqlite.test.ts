import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrateLog, type EventStore, type MigrationProgress } from '@ragtrail/core';
import { esdbOnDouble, withoutPositions, writeDemoPlan } from './helpers.js';

// The SQLite store is written in parallel with this package; these tests run as soon as it exists.
const sqliteEntry = fileURLToPath(new URL('../../store-sqlite/src/index.ts', import.meta.url));
const sqliteReady = existsSync(sqliteEntry);
if (!sqliteReady) console.info('[store-eventstoredb] @ragtrail/store-sqlite has no source yet: SQLite <-> EventStoreDB migration tests skipped.');

type OpenSqlite = (options: { path: string }) => EventStore;
const openSqlite = async (): Promise<OpenSqlite> => {
  const specifier = '@ragtrail/store-sqlite';
  return ((await import(specifier)) as { createSqliteStore: OpenSqlite }).createSqliteStore;
};

describe.runIf(sqliteReady)('migrating between SQLite and EventStoreDB (gRPC double)', () => {
  it('copies a real plan from SQLite into EventStoreDB and back into a new SQLite file, chains intact', async () => {
    const createSqliteStore = await openSqlite();
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-esdb-'));
    const source = createSqliteStore({ path: join(dir, 'source.db') });
    const back = createSqliteStore({ path: join(dir, 'back.db') });
    const esdb = await esdbOnDouble();
    try {
      await writeDemoPlan(source);
      const original = await source.readAll();
      const progress: MigrationProgress[] = [];
      const there = await migrateLog(source, esdb.store, (p) => progress.push(p));
      expect(there).toMatchObject({ events: original.length, source: { ok: true }, target: { ok: true, events: original.length } });
      expect(progress.filter((p) => p.phase === 'copy').at(-1)).toEqual({ phase: 'copy', done: original.length, total: original.length });
      const home = await migrateLog(esdb.store, back);
      expect(home.target).toMatchObject({ ok: true, events: original.length });
      expect(withoutPositions(await back.readAll())).toEqual(withoutPositions(original));
    } finally {
      await esdb.stop();
      await source.close();
      await back.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
