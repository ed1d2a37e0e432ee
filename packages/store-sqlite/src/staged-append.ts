import type Database from 'better-sqlite3';
import { ConcurrencyError } from '@ragtrail/core';
import { assertAppendable, assertRecordedInOrder } from '@ragtrail/core/internal';
import type { AppendResult, EventToAppend, StagedAppend } from '@ragtrail/core';
import { toValues } from './rows.js';

/** What a staged append needs of the store that opened it. */
export interface StagingHost {
  db: Database.Database;
  currentRevision(stream: string): number;
  /** The log's last position and recorded time, read under the write lock. */
  maxPosition(): number;
  lastRecordedAt(): string | undefined;
  /** Records the stream's new revision (a new stream gets its creation order from `position`). */
  setRevision(stream: string, revision: number, isNew: boolean, position: number): void;
  /** Maps a constraint clash to the error an append would throw, and tells readers of the new events. */
  appended(stream: string, revision: number): void;
  clash(error: unknown, stream: string, expectedRevision: number): unknown;
}

let opened = 0;

/**
 * An append built up in a temporary table of this connection: invisible to every other connection
 * and to this one's reads of `events`, kept in SQLite's pages (spilled to a temporary file past its
 * cache) rather than the JavaScript heap. `commit` copies it into `events` in one write transaction
 * with the same checks as `append`; the table is dropped either way.
 */
export function openStagedAppend(host: StagingHost, stream: string, expectedRevision: number): StagedAppend {
  const { db } = host;
  // The name is this module's counter, never text from outside.
  const table = `temp.staged_append_${++opened}`;
  db.exec(`CREATE TABLE ${table} (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL, stream TEXT NOT NULL, revision INTEGER NOT NULL, recorded_at TEXT NOT NULL,
    type TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`);
  const insert = db.prepare(`INSERT INTO ${table} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const firstRecordedAt = db.prepare<[], string>(`SELECT recorded_at FROM ${table} ORDER BY seq LIMIT 1`).pluck();
  const copy = db.prepare<[number]>(
    `INSERT INTO events (position, id, stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash)
     SELECT ? + seq, id, stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash FROM ${table} ORDER BY seq`,
  );
  let count = 0;
  let lastStagedAt: string | undefined;
  let finished = false;

  const drop = () => {
    if (finished) return;
    finished = true;
    db.exec(`DROP TABLE IF EXISTS ${table}`);
  };
  const open = () => {
    if (finished) throw new Error(`The staged append to ${stream} is finished: open another`);
  };

  // Only the temporary database is written: no lock on the store file, so other processes' appends go on.
  const stageRows = db.transaction((events: readonly EventToAppend[]) => {
    for (const [i, event] of events.entries()) {
      const values = toValues(event, count + i + 1);
      insert.run(...values);
    }
  });

  const commitRows = db.transaction((): AppendResult => {
    const actual = host.currentRevision(stream);
    if (actual !== expectedRevision) throw new ConcurrencyError(stream, expectedRevision, actual);
    const last = host.maxPosition();
    if (count === 0) return { nextExpectedRevision: actual, lastPosition: last };
    assertRecordedInOrder(stream, host.lastRecordedAt(), [{ recordedAt: firstRecordedAt.get()! }]);
    copy.run(last);
    const revision = expectedRevision + count;
    host.setRevision(stream, revision, actual === -1, last + count);
    return { nextExpectedRevision: revision, lastPosition: last + count, firstPosition: last + 1 };
  });

  return {
    async stage(events) {
      open();
      assertAppendable(stream, events, expectedRevision + count);
      assertRecordedInOrder(stream, lastStagedAt, events);
      stageRows(events);
      count += events.length;
      if (events.length > 0) lastStagedAt = events[events.length - 1]!.recordedAt;
    },
    async commit() {
      open();
      try {
        const result = commitRows.immediate();
        if (count > 0) host.appended(stream, result.nextExpectedRevision);
        return result;
      } catch (error) {
        throw host.clash(error, stream, expectedRevision);
      } finally {
        drop();
      }
    },
    async abort() {
      drop();
    },
  };
}
