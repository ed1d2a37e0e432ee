import Database from 'better-sqlite3';
import { applyPragmas, migrate } from '../src/schema.js';
import { toRow } from '../src/rows.js';
import type { EventToAppend } from '@ragtrail/core';

/** The baseline: the same file layout and pragmas, plain INSERTs with no checks. */
export function rawWriter(path: string): { insertAll: (events: readonly EventToAppend[]) => void; db: Database.Database } {
  const db = new Database(path);
  applyPragmas(db, 5000);
  migrate(db);
  const insert = db.prepare(
    `INSERT INTO events (position, id, stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash)
     VALUES (@position, @id, @stream, @revision, @recorded_at, @type, @version, @data, @actor, @reason, @prev_hash, @hash)`,
  );
  let position = 0;
  const insertAll = db.transaction((events: readonly EventToAppend[]) => {
    for (const e of events) insert.run(toRow(e, ++position));
  });
  return { insertAll: (events: readonly EventToAppend[]) => insertAll.immediate(events), db };
}
