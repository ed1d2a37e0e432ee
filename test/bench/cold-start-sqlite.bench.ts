// cold-start-plans/sqlite and cold-start-summary/sqlite (see cold-start.ts; COLD_EVENTS sets the log size).
import { createSqliteStore } from '../../packages/store-sqlite/src/index.js';
import { tempDb } from '../../packages/store-sqlite/bench/report.js';
import { coldStart } from './cold-start.js';

const path = tempDb('cold.db');
await coldStart('sqlite', async () => createSqliteStore({ path }));
