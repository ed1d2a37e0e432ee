import { afterAll } from 'vitest';
import { createPostgresStore, type PostgresEventStore } from '../../src/index.js';
import { startTestServer, type TestServer } from './server.js';

let server: Promise<TestServer> | undefined;
let schemas = 0;

/**
 * One server for the test file that calls this, started on first use and stopped after the file's
 * last test (pass or fail). Each store gets a schema of its own, so every test starts empty.
 */
export function useTestServer(): () => Promise<TestServer> {
  afterAll(async () => (await server)?.stop());
  return () => (server ??= startTestServer());
}

export async function freshStore(getServer: () => Promise<TestServer>): Promise<PostgresEventStore> {
  const { url } = await getServer();
  return createPostgresStore({ connectionString: url, schema: `t${process.pid}_${++schemas}` });
}
