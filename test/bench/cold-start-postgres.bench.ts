// cold-start-plans/postgres and cold-start-summary/postgres against a real server this bench starts
// (see cold-start.ts; COLD_EVENTS sets the log size).
import { createPostgresStore } from '../../packages/store-postgres/src/index.js';
import { startTestServer } from '../../packages/store-postgres/test/server/server.js';
import { coldStart } from './cold-start.js';

const server = await startTestServer();
try {
  await coldStart('postgres', () => createPostgresStore({ connectionString: server.url, schema: 'cold' }));
} finally {
  server.stop();
}
