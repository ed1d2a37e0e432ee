// The binary's own code path (runCli on the process's terminal) over a seeded in-memory store,
// for the pseudo-terminal smoke test on machines without the SQLite store: after the UI quits,
// the whole log is written as NDJSON to RAGTRAIL_DUMP so the test can check what was recorded.
import { writeFileSync } from 'node:fs';
import { createRagtrail, exportNdjson } from '@ragtrail/core';
import { processIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { memoryStoreNamed } from '../src/cli/session.js';
import { seedPlan, steppingClock } from './fixtures.js';

const store = memoryStoreNamed('pty');
await seedPlan(createRagtrail({ store, now: steppingClock() }));
const code = await runCli(['--store', 'memory:pty', ...process.argv.slice(2)], processIo());
let log = '';
for await (const line of exportNdjson(store)) log += line;
writeFileSync(process.env.RAGTRAIL_DUMP!, log);
process.exitCode = code;
