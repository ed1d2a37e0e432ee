// The write alone, in bare better-sqlite3: the events of the log at SOURCE (a store's file) written
// into a new file TARGET with the store's schema and pragmas, the way a staged append writes them
// (a temporary table filled in transactions of STAGE_ROWS rows, then one write transaction copying
// it into `events` with its unique indexes), without any of the store's checks. The long import's
// bench runs it on the log the import wrote, so its line shows how much of the import's time the
// durable write of the same rows takes by itself. Prints one JSON line { stageSeconds, copySeconds, rows }.
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { applyPragmas, migrate } from '../src/schema.js';

const [source, target] = process.argv.slice(2) as [string, string];
if (!source || !target) throw new Error('usage: bare-staged-write.ts SOURCE.db TARGET.db');
// As the import flushes: 2,000 tracker lines of three events each.
const STAGE_ROWS = 6000;
const COLUMNS = 'id, stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash';

const rows = (() => {
  const db = new Database(source, { readonly: true });
  try {
    return db.prepare(`SELECT ${COLUMNS} FROM events ORDER BY position`).raw().all() as unknown[][];
  } finally {
    db.close();
  }
})();

for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
const db = new Database(target);
applyPragmas(db, 5000);
migrate(db);
db.exec(`CREATE TABLE temp.staged (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, stream TEXT NOT NULL, revision INTEGER NOT NULL,
  recorded_at TEXT NOT NULL, type TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT,
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`);
const insert = db.prepare(`INSERT INTO temp.staged (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const stage = db.transaction((part: unknown[][]) => {
  for (const row of part) insert.run(row);
});
const copy = db.transaction(() => db.prepare(`INSERT INTO events (position, ${COLUMNS}) SELECT seq, ${COLUMNS} FROM temp.staged ORDER BY seq`).run());

let started = performance.now();
for (let i = 0; i < rows.length; i += STAGE_ROWS) stage(rows.slice(i, i + STAGE_ROWS));
const stageSeconds = (performance.now() - started) / 1000;
started = performance.now();
copy.immediate();
const copySeconds = (performance.now() - started) / 1000;
db.close();
console.log(JSON.stringify({ stageSeconds, copySeconds, rows: rows.length }));
