// Both stores at once, through the library: a log copied from SQLite into EventStoreDB (the
// in-process gRPC double) and back keeps every event and hash. It lives here, not in either
// store's suite, so neither store package needs the other.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateLog, type MigrationProgress } from '../../packages/core/src/index.js';
import { createSqliteStore } from '../../packages/store-sqlite/src/index.js';
import { esdbOnDouble, withoutPositions, writeDemoPlan } from '../../packages/store-eventstoredb/test/helpers.js';

describe('migrating between SQLite and EventStoreDB (gRPC double)', () => {
  it('copies a real plan from SQLite into EventStoreDB and back into a new SQLite file, chains intact', async () => {
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
