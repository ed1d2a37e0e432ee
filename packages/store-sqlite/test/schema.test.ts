import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sealedEvents } from '@ragtrail/core/testing';
import { SCHEMA_VERSION, createSqliteStore } from '../src/index.js';
import { applyPragmas } from '../src/schema.js';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'ragtrail-schema-')), 'store.db');

describe('schema and pragmas', () => {
  it('every connection runs WAL, synchronous=FULL and a busy timeout', () => {
    const db = new Database(freshPath());
    applyPragmas(db, 1234);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    db.close();
  });

  it('a new file is migrated to the current schema version and stays in WAL mode', async () => {
    const path = freshPath();
    await createSqliteStore({ path }).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('reopening an up-to-date file keeps its events and runs no migration twice', async () => {
    const path = freshPath();
    const store = createSqliteStore({ path });
    await store.append('plan-a', sealedEvents('plan-a', 3), { expectedRevision: -1 });
    await store.close();
    const again = createSqliteStore({ path });
    expect((await again.readStream('plan-a')).map((e) => e.revision)).toEqual([0, 1, 2]);
    await again.close();
  });

  it('upgrades a file whose read models sat in a WITHOUT ROWID table: events kept, the caches dropped and rebuilt later', async () => {
    const path = freshPath();
    const store = createSqliteStore({ path });
    await store.append('plan-a', sealedEvents('plan-a', 2), { expectedRevision: -1 });
    await store.close();
    // The file as the schema before this one left it.
    const old = new Database(path);
    old.exec(`DROP TABLE read_models;
      CREATE TABLE read_models (model TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, revision INTEGER NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (model, key)) WITHOUT ROWID;
      INSERT INTO read_models VALUES ('plan-snapshot', 'a', '{}', 1, 'h1');`);
    old.pragma('user_version = 2');
    old.close();

    const upgraded = createSqliteStore({ path });
    expect((await upgraded.readStream('plan-a')).map((e) => e.revision)).toEqual([0, 1]);
    expect(await upgraded.readModels!.list('plan-snapshot')).toEqual([]);
    await upgraded.readModels!.put('plan-snapshot', [{ key: 'a', value: '{}', revision: 1, hash: 'h1' }]);
    await upgraded.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE name = 'read_models'").pluck().get()).not.toMatch(/WITHOUT ROWID/);
    db.close();
  });

  it('refuses a file written by a newer schema instead of guessing', async () => {
    const path = freshPath();
    await createSqliteStore({ path }).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => createSqliteStore({ path })).toThrow(/schema version .*upgrade @ragtrail\/store-sqlite/);
  });

  it("refuses a file that holds another program's tables, and leaves it as it was", () => {
    const path = freshPath();
    const other = new Database(path);
    other.exec('CREATE TABLE people (name TEXT)');
    other.close();
    expect(() => createSqliteStore({ path })).toThrow("holds another program's tables and no ragtrail schema");
    const after = new Database(path, { readonly: true });
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['people']);
    after.close();
  });

  it('the table itself refuses a second event at the same (stream, revision)', async () => {
    const path = freshPath();
    const store = createSqliteStore({ path });
    await store.append('plan-a', sealedEvents('plan-a', 1), { expectedRevision: -1 });
    await store.close();
    const db = new Database(path);
    // Copy the row under a new id and position: only the (stream, revision) constraint can stop it.
    const clash = () =>
      db.exec(`INSERT INTO events (position, id, stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash)
               SELECT position + 100, id || '-copy', stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash FROM events`);
    expect(clash).toThrow(/UNIQUE constraint failed: events.stream, events.revision/);
    db.close();
  });
});
