import { afterAll, beforeAll } from 'vitest';
import { createPostgresStore, type PostgresEventStore } from '../../src/index.js';
import { startTestServer, type TestServer } from './server.js';

let server: Promise<TestServer> | undefined;
let schemas = 0;

/**
 * One server for the test file that calls this, started before its first test and stopped after
 * its last (pass or fail). Each store gets a schema of its own, so every test starts empty.
 */
export function useTestServer(): () => Promise<TestServer> {
  const get = () => (server ??= startTestServer());
  // initdb and the first start take seconds, far more on a loaded machine: start before the first
  // test, under a deadline of their own, so no test's timeout pays for them.
  beforeAll(async () => void (await get()), 180_000);
  afterAll(async () => (await server)?.stop());
  return get;
}

export async function freshStore(getServer: () => Promise<TestServer>): Promise<PostgresEventStore> {
  const { url } = await getServer();
  return createPostgresStore({ connectionString: url, schema: `t${process.pid}_${++schemas}` });
}
