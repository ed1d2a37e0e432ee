import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ConcurrencyError } from '@ragtrail/core';
import { assertAppendable, assertRecordedInOrder, createLiveFeed } from '@ragtrail/core/internal';
import type { AppendResult, EventStore, EventToAppend, StagedAppend, ReadAllOptions, ReadStreamOptions, StoredEvent, SubscribeOptions, Subscription } from '@ragtrail/core';
import { applyPragmas, migrate } from './schema.js';
import { EVENT_COLUMNS, fromRawRow, toValues, type EventValues } from './rows.js';
import { streamTails } from './stream-tails.js';
import { sqliteReadModels } from './read-models.js';
import { openStagedAppend, type StagingHost } from './staged-append.js';

export interface SqliteStoreOptions {
  /** File path; the parent directory is created if missing. `:memory:` works for throwaway stores. */
  path: string;
  /** How long a writer waits for another process's write lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
  /** How often live subscriptions look for events appended by other processes (default 150 ms). */
  pollIntervalMs?: number;
}

export interface SqliteEventStore extends EventStore {
  /**
   * Appends events carrying their own global positions (restoring a backup into an empty store).
   * Positions must be greater than every stored one; the same checks as `append` apply.
   */
  appendWithPositions(stream: string, events: readonly StoredEvent[], options: { expectedRevision: number }): Promise<AppendResult>;
  /** Always present here: parts go to a temporary table of this connection until `commit` (see `EventStore.stageAppend`). */
  stageAppend(stream: string, options: { expectedRevision: number }): StagedAppend;
}

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * A file holding another program's tables is not ours to change: switching it to WAL and adding
 * our tables would alter someone else's database. New files and ragtrail's own files pass.
 */
function refuseForeignDatabase(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare<[], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().get() ?? 0;
  if (version === 0 && tables > 0) {
    db.close();
    throw Object.assign(new Error(`${path} holds another program's tables and no ragtrail schema`), { code: 'SQLITE_NOTADB_RAGTRAIL' });
  }
}

/** The default store: one SQLite file, safe to share between processes on one machine. */
export function createSqliteStore(options: SqliteStoreOptions): SqliteEventStore {
  if (options.path !== ':memory:') mkdirSync(dirname(resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  refuseForeignDatabase(db, options.path);
  applyPragmas(db, options.busyTimeoutMs ?? 5000);
  migrate(db);

  const q = {
    revision: db.prepare<[string], { revision: number }>('SELECT revision FROM streams WHERE stream = ?'),
    maxPosition: db.prepare<[], { p: number | null }>('SELECT MAX(position) AS p FROM events'),
    lastRecordedAt: db.prepare<[], { r: string }>('SELECT recorded_at AS r FROM events ORDER BY position DESC LIMIT 1'),
    // Positional parameters: binding twelve values by name costs a property lookup each, per row.
    insert: db.prepare<EventValues>(
      `INSERT INTO events (position, id, stream, revision, recorded_at, type, version, data, actor, reason, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    newStream: db.prepare('INSERT INTO streams (stream, revision, created) VALUES (?, ?, ?)'),
    bumpStream: db.prepare('UPDATE streams SET revision = ? WHERE stream = ?'),
    readStream: db
      .prepare<[string, number, number], unknown[]>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw(true),
    readAll: db
      .prepare<[number, number], unknown[]>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw(true),
    listStreams: db.prepare<[string, string], { stream: string }>(
      "SELECT stream FROM streams WHERE substr(stream, 1, length(?)) = ? ORDER BY created",
    ),
  };

  const tails = streamTails(db);
  const currentRevision = (stream: string) => q.revision.get(stream)?.revision ?? -1;

  // BEGIN IMMEDIATE takes the write lock before reading the revision, so the check and the
  // inserts cannot interleave with another process's append.
  const write = db.transaction((stream: string, events: readonly (EventToAppend & { position?: number })[], expectedRevision: number): AppendResult => {
    const actual = currentRevision(stream);
    if (actual !== expectedRevision) throw new ConcurrencyError(stream, expectedRevision, actual);
    assertAppendable(stream, events, expectedRevision);
    // Recorded times never go backwards along the global order (checked under the write lock); a
    // migration's copy (explicit positions) keeps the source's history as it was.
    if (!events.some((e) => e.position !== undefined)) assertRecordedInOrder(stream, q.lastRecordedAt.get()?.r, events);
    let last = q.maxPosition.get()?.p ?? 0;
    if (events.length === 0) return { nextExpectedRevision: actual, lastPosition: last };
    const first = last + 1;
    let consecutive = true;
    for (const event of events) {
      const position = event.position ?? last + 1;
      if (position <= last) throw new Error(`Event ${event.id} has position ${position}; positions must grow past ${last}`);
      consecutive &&= position === last + 1;
      q.insert.run(...toValues(event, position));
      last = position;
    }
    const revision = events[events.length - 1]!.revision;
    if (actual === -1) q.newStream.run(stream, revision, last);
    else q.bumpStream.run(revision, stream);
    return consecutive ? { nextExpectedRevision: revision, lastPosition: last, firstPosition: first } : { nextExpectedRevision: revision, lastPosition: last };
  });

  /** A UNIQUE(stream, revision) clash means another writer got there first. */
  const clash = (error: unknown, stream: string, expectedRevision: number): unknown =>
    error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT') && /revision|streams\.stream/.test(error.message)
      ? new ConcurrencyError(stream, expectedRevision, currentRevision(stream))
      : error;

  const appended = (stream: string, revision: number) => {
    tails.appended(stream, revision);
    feed.notify();
  };

  const appendRows = (stream: string, events: readonly (EventToAppend & { position?: number })[], expectedRevision: number) => {
    try {
      const result = write.immediate(stream, events, expectedRevision);
      appended(stream, result.nextExpectedRevision);
      return result;
    } catch (error) {
      throw clash(error, stream, expectedRevision);
    }
  };

  const staging: StagingHost = {
    db,
    currentRevision,
    maxPosition: () => q.maxPosition.get()?.p ?? 0,
    lastRecordedAt: () => q.lastRecordedAt.get()?.r,
    setRevision: (stream, revision, isNew, position) => void (isNew ? q.newStream.run(stream, revision, position) : q.bumpStream.run(revision, stream)),
    appended,
    clash,
  };

  const readAfter = (after: number, maxCount = 1000) => q.readAll.all(after, maxCount).map(fromRawRow);
  const feed = createLiveFeed((after) => readAfter(after));

  // Other processes may append to the same file: look for new positions while anyone listens.
  let subscribers = 0;
  let seen = 0;
  let timer: NodeJS.Timeout | undefined;
  const startPolling = () => {
    if (timer) return;
    seen = q.maxPosition.get()?.p ?? 0;
    timer = setInterval(() => {
      const now = q.maxPosition.get()?.p ?? 0;
      if (now !== seen) {
        seen = now;
        feed.notify();
      }
    }, options.pollIntervalMs ?? 150);
    timer.unref();
  };
  const stopPolling = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  let closed = false;
  return {
    kind: 'sqlite',
    readModels: sqliteReadModels(db),
    async append(stream, events, { expectedRevision }) {
      return appendRows(stream, events, expectedRevision);
    },
    async appendWithPositions(stream, events, { expectedRevision }) {
      return appendRows(stream, events, expectedRevision);
    },
    stageAppend(stream, { expectedRevision }) {
      return openStagedAppend(staging, stream, expectedRevision);
    },
    async readStream(stream: string, opts: ReadStreamOptions = {}) {
      const from = opts.fromRevision ?? 0;
      const maxCount = opts.maxCount ?? MAX;
      if (tails.nothingFrom(stream, from)) return [];
      const events = q.readStream.all(stream, from, maxCount).map(fromRawRow);
      if (events.length < maxCount) tails.readToEnd(stream, from, events.at(-1)?.revision);
      return events;
    },
    async readAll(opts: ReadAllOptions = {}) {
      return q.readAll.all(opts.after ?? 0, opts.maxCount ?? MAX).map(fromRawRow);
    },
    async streamRevision(stream: string) {
      return currentRevision(stream);
    },
    async listStreams(prefix = '') {
      return q.listStreams.all(prefix, prefix).map((r) => r.stream);
    },
    subscribe(opts: SubscribeOptions): Subscription {
      const sub = feed.subscribe(opts);
      subscribers++;
      startPolling();
      let done = false;
      return {
        close: async () => {
          if (done) return;
          done = true;
          await sub.close();
          if (--subscribers === 0) stopPolling();
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      stopPolling();
      await feed.closeAll();
      db.close();
    },
  };
}
