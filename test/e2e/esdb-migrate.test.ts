// The `ragtrail` command line, as a child process, moving a SQLite log into EventStoreDB (the
// in-process gRPC double) and back: the store URLs users type, end to end.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../packages/store-sqlite/src/index.js';
import { ragtrail as run } from '../../apps/tui/test/child.js';
import { startEventStoreDouble } from '../../packages/store-eventstoredb/test/double/server.js';
import { writeDemoPlan } from '../../packages/store-eventstoredb/test/helpers.js';

const ragtrail = (...args: string[]) => run(args);

describe('ragtrail migrate between SQLite and EventStoreDB, from the command line', () => {
  it('copies the log there and back with every chain intact, and the plan reads the same on both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-cli-esdb-'));
    const sqlite = `sqlite:${join(dir, 'source.db')}`;
    const back = `sqlite:${join(dir, 'back.db')}`;
    const source = createSqliteStore({ path: join(dir, 'source.db') });
    const planId = await writeDemoPlan(source);
    await source.close();
    const double = await startEventStoreDouble({ batchAppend: true });
    try {
      const esdb = double.connectionString;
      const there = await ragtrail('migrate', '--from', sqlite, '--to', esdb, '--json');
      expect(there.code, there.err).toBe(0);
      expect(JSON.parse(there.out)).toMatchObject({ source: { ok: true }, target: { ok: true } });
      expect((await ragtrail('verify', '--store', esdb)).code).toBe(0);
      const onSqlite = await ragtrail('summary', '--store', sqlite, '--plan', planId, '--json');
      const onEsdb = await ragtrail('summary', '--store', esdb, '--plan', planId, '--json');
      expect(onEsdb.code, onEsdb.err).toBe(0);
      expect(JSON.parse(onEsdb.out)).toEqual(JSON.parse(onSqlite.out));
      const home = await ragtrail('migrate', '--from', esdb, '--to', back, '--json');
      expect(home.code, home.err).toBe(0);
      expect(JSON.parse((await ragtrail('summary', '--store', back, '--plan', planId, '--json')).out)).toEqual(JSON.parse(onSqlite.out));
      // Into a store that already holds a log: refused, one line, nothing written.
      const refused = await ragtrail('migrate', '--from', sqlite, '--to', esdb);
      expect(refused.code).toBe(1);
      expect(refused.err.trim().split('\n')).toHaveLength(1);
    } finally {
      await double.stop();
    }
  }, 60_000);
});
