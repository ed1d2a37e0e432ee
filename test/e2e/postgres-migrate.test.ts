// The `ragtrail` command line, as a child process, moving a SQLite log into a real PostgreSQL
// server (started by the test) and back into a new SQLite file: the store URLs users type, end to end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@ragtrail/core';
import { createSqliteStore } from '../../packages/store-sqlite/src/index.js';
import { createPostgresStore } from '../../packages/store-postgres/src/index.js';
import { startTestServer, type TestServer } from '../../packages/store-postgres/test/server/server.js';
import { ragtrail as run } from '../../apps/tui/test/child.js';
import { writeDemoPlan } from '../../packages/store-eventstoredb/test/helpers.js';

const ragtrail = (...args: string[]) => run(args);
let server: TestServer | undefined;
const dir = mkdtempSync(join(tmpdir(), 'ragtrail-cli-pg-'));
afterAll(() => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Each stream's chain as (id, revision, prevHash, hash): what a migration must carry unchanged. */
const chains = (events: readonly StoredEvent[]) =>
  events.map((e) => `${e.stream}@${e.revision} ${e.id} ${e.prevHash} ${e.hash}`).sort();

describe('ragtrail migrate between SQLite and PostgreSQL, from the command line', () => {
  it('copies the log there and back with every hash intact, and the plan reads the same on all three stores', async () => {
    server = await startTestServer();
    const source = createSqliteStore({ path: join(dir, 'source.db') });
    const planId = await writeDemoPlan(source);
    const original = await source.readAll();
    await source.close();
    const sqlite = `sqlite:${join(dir, 'source.db')}`;
    const postgres = `${server.url}?schema=migrated`;
    const back = `sqlite:${join(dir, 'back.db')}`;

    const there = await ragtrail('migrate', '--from', sqlite, '--to', postgres, '--json');
    expect(there.code, there.err).toBe(0);
    expect(JSON.parse(there.out)).toMatchObject({ events: original.length, source: { ok: true }, target: { ok: true } });
    expect((await ragtrail('verify', '--store', postgres)).code).toBe(0);

    const onSqlite = await ragtrail('summary', '--store', sqlite, '--plan', planId, '--json');
    const onPostgres = await ragtrail('summary', '--store', postgres, '--plan', planId, '--json');
    expect(onPostgres.code, onPostgres.err).toBe(0);
    expect(JSON.parse(onPostgres.out)).toEqual(JSON.parse(onSqlite.out));

    const home = await ragtrail('migrate', '--from', postgres, '--to', back, '--json');
    expect(home.code, home.err).toBe(0);
    const onBack = await ragtrail('summary', '--store', back, '--plan', planId, '--json');
    expect(JSON.parse(onBack.out)).toEqual(JSON.parse(onSqlite.out));

    const inPostgres = await createPostgresStore({ connectionString: server.url, schema: 'migrated' });
    const copied = await inPostgres.readAll();
    await inPostgres.close();
    const returned = createSqliteStore({ path: join(dir, 'back.db') });
    const final = await returned.readAll();
    await returned.close();
    expect(chains(copied)).toEqual(chains(original));
    expect(chains(final)).toEqual(chains(original));
    // The whole envelope, not only the hashes, comes home unchanged (positions are each store's own).
    expect(final.map(({ position: _p, ...e }) => e)).toEqual(original.map(({ position: _p, ...e }) => e));

    // Into a store that already holds a log: refused, one line, nothing written.
    const refused = await ragtrail('migrate', '--from', sqlite, '--to', postgres);
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
  }, 120_000);
});
