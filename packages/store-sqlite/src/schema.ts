import type Database from 'better-sqlite3';

/** The read-model table's columns, the same in both its forms (migrations 2 and 3). */
const READ_MODEL_COLUMNS = `
     model    TEXT NOT NULL,
     key      TEXT NOT NULL,
     value    TEXT NOT NULL,
     revision INTEGER NOT NULL,
     hash     TEXT NOT NULL,
     PRIMARY KEY (model, key)`;

/**
 * Ordered schema steps. The file's `user_version` says how many have run, so an old file is
 * upgraded in place when a newer library opens it, and a newer file is refused by an older library.
 */
const migrations: readonly string[] = [
  `CREATE TABLE events (
     position    INTEGER PRIMARY KEY,
     id          TEXT NOT NULL UNIQUE,
     stream      TEXT NOT NULL,
     revision    INTEGER NOT NULL,
     recorded_at TEXT NOT NULL,
     type        TEXT NOT NULL,
     version     INTEGER NOT NULL,
     data        TEXT NOT NULL,
     actor       TEXT NOT NULL,
     reason      TEXT,
     prev_hash   TEXT NOT NULL,
     hash        TEXT NOT NULL,
     UNIQUE (stream, revision)
   );
   CREATE TABLE streams (
     stream    TEXT PRIMARY KEY,
     revision  INTEGER NOT NULL,
     created   INTEGER NOT NULL
   );
   CREATE INDEX streams_created ON streams (created);`,
  // Read models beside the log (plan catalogue, snapshots): caches, each entry naming the stream
  // revision and event hash it covers; dropping the table loses nothing the log does not hold.
  `CREATE TABLE read_models (${READ_MODEL_COLUMNS}) WITHOUT ROWID;`,
  // Read models again, as an ordinary (rowid) table: in a WITHOUT ROWID table every row is a key
  // of one b-tree, and finding a 350-byte catalogue entry beside a 171 MB plan snapshot read the
  // snapshot's overflow pages (1.2 s). Read models are caches rebuilt from the log: not copied.
  `DROP TABLE read_models;
   CREATE TABLE read_models (${READ_MODEL_COLUMNS});`,
];

export const SCHEMA_VERSION = migrations.length;

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION)
    throw new Error(`The store file has schema version ${current}; this library knows up to ${SCHEMA_VERSION}: upgrade @ragtrail/store-sqlite`);
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** The pragmas every connection uses; the benchmarks' raw baseline uses the same ones. */
export function applyPragmas(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}
