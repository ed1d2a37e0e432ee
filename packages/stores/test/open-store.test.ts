import { mkdtempSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@ragtrail/core';
import { sealedEvents } from '@ragtrail/core/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STORE_URL, openStore } from '../src/index.js';

async function refusal(url: string): Promise<DomainError> {
  const error = await openStore(url).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('openStore(url)', () => {
  it('defaults to the embedded SQLite file', () => {
    expect(DEFAULT_STORE_URL).toBe('sqlite:./data/ragtrail.db');
  });

  it('opens a SQLite file for sqlite:PATH (and the sqlite:// slip) and keeps events across reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-stores-'));
    for (const url of [`sqlite:${join(dir, 'a.db')}`, `sqlite://${join(dir, 'b.db')}`]) {
      const store = await openStore(url);
      expect(existsSync(url.replace(/^sqlite:(\/\/)?/, ''))).toBe(true);
      await store.append('plan-x', sealedEvents('plan-x', 1), { expectedRevision: -1 });
      await store.close();
      const again = await openStore(url);
      expect((await again.readStream('plan-x')).length).toBe(1);
      await again.close();
    }
  });

  it('opens an empty in-memory store for memory:', async () => {
    const store = await openStore('memory:');
    expect(await store.readAll({ after: 0, maxCount: 10 })).toEqual([]);
    await store.close();
  });

  it('gives one shared in-memory store per memory:NAME for the life of the process', async () => {
    const first = await openStore('memory:shared-name');
    await first.append('plan-x', sealedEvents('plan-x', 1), { expectedRevision: -1 });
    await first.close();
    expect((await (await openStore('memory:shared-name')).readStream('plan-x')).length).toBe(1);
    expect(await (await openStore('memory:other-name')).readStream('plan-x')).toEqual([]);
  });

  it.each([
    ['', 'store-url-empty'],
    ['mysql://localhost/db', 'store-url-scheme'],
    ['postgres:localhost/db', 'postgres-url-slashes'],
    ['postgres://', 'postgres-url-host'],
    ['postgres://ragtrail@localhost:port/db', 'postgres-url'],
    ['postgresql:///db', 'postgres-url-host'],
    ['postgres://localhost/db?schema=Bad-Name', 'postgres-url-schema'],
    ['./data/ragtrail.db', 'store-url-scheme'],
    ['sqlite:', 'sqlite-url-path'],
    ['sqlite::memory:', 'sqlite-url-path'],
    ['esdb:localhost:2113', 'esdb-url-slashes'],
    ['esdb://', 'esdb-url-host'],
    ['esdb://?tls=false', 'esdb-url-host'],
  ])('refuses %j naming the field and rule %s', async (url, rule) => {
    const error = await refusal(url);
    expect(error.code).toBe('invalid');
    expect(error.field).toBe('store');
    expect(error.rule).toBe(rule);
  });

  it("says what is wrong with a file that is no store: a path it cannot open, not SQLite at all", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-stores-'));
    writeFileSync(join(dir, 'notes.txt'), 'these are notes, not a database, and long enough to be read as a header page');
    // A folder that is a file: the path cannot be made.
    expect(await refusal(`sqlite:${join(dir, 'notes.txt', 'x.db')}`)).toMatchObject({ code: 'invalid', field: 'store', rule: 'sqlite-file-opens', message: expect.stringContaining('Cannot open the SQLite store at') });
    expect(await refusal(`sqlite:${join(dir, 'notes.txt')}`)).toMatchObject({ field: 'store', rule: 'sqlite-file-is-a-store', message: expect.stringContaining('is not a ragtrail SQLite store') });
  });
});
