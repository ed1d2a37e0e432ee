// The `ragtrail` command line, as a child process, moving a SQLite log into EventStoreDB (the
// in-process gRPC double) and back: the store URLs users type, end to end.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '@ragtrail/store-sqlite';
import { startEventStoreDouble } from './double/server.js';
import { writeDemoPlan } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'apps/tui/src/bin.ts');

function ragtrail(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', RAGTRAIL_ACTOR: '', RAGTRAIL_STORE: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

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
