import type { EventToAppend, StoredEvent } from '../events/envelope.js';

/**
 * What a store returns after an append: the stream's new revision and the global position of the last event
 * written.
 */
export interface AppendResult {
  /** Revision of the last event appended. */
  nextExpectedRevision: number;
  /** Global position of the last event appended. */
  lastPosition: number;
  /**
   * Set when the store gave this append's events consecutive positions, `firstPosition` to
   * `lastPosition`, so a writer knows every event's position without reading them back. Absent when
   * the store cannot say so (positions from a shared sequence may skip); nothing was appended, too.
   */
  firstPosition?: number;
}

/** Which part of a stream `readStream` returns: from a revision, and at most how many events. */
export interface ReadStreamOptions {
  /** First revision to return (default 0). */
  fromRevision?: number;
  maxCount?: number;
}

/** Which part of the whole log `readAll` returns: after a global position, and at most how many events. */
export interface ReadAllOptions {
  /** Return events whose global position is strictly greater than this (default 0: from the start). */
  after?: number;
  maxCount?: number;
}

/**
 * How to subscribe to the log: where to catch up from, the callback for each event in order, and the
 * callback for errors.
 */
export interface SubscribeOptions {
  /** Catch up from this global position (exclusive), then deliver new events live. */
  after?: number;
  onEvent: (event: StoredEvent) => void | Promise<void>;
  onError?: (error: unknown) => void;
}

/** An open subscription to the log; `close` stops delivery and releases what it holds. */
export interface Subscription {
  close(): Promise<void>;
}

/**
 * One entry of a read model kept beside the log: what folding a stream up to `revision` gave,
 * stamped with that event's chain `hash`. Only a cache: a reader compares `revision` with the
 * stream's and `hash` with the event's, and folds the log instead when they differ.
 */
export interface ReadModelEntry {
  key: string;
  /** The entry itself, as JSON text (the store keeps it as given). */
  value: string;
  revision: number;
  hash: string;
}

/**
 * Read models stored beside the log (the plan catalogue, plan snapshots), so opening a store need
 * not replay it. Optional: a store without it is rebuilt from the log on demand.
 */
export interface ReadModelStore {
  get(model: string, key: string): Promise<ReadModelEntry | undefined>;
  /** Every entry of a model, in no particular order. */
  list(model: string): Promise<ReadModelEntry[]>;
  /** Inserts or replaces entries by key, all or none. */
  put(model: string, entries: readonly ReadModelEntry[]): Promise<void>;
  /** Removes the given keys, or the whole model when none are given. */
  remove(model: string, keys?: readonly string[]): Promise<void>;
  /** The revision of every stream named `prefix...`, in order of creation, in one read: how a model sees which entries are current. */
  streamRevisions(prefix: string): Promise<Map<string, number>>;
}

/**
 * The one port every store implements. Events arrive sealed (hash-chained by the core) and are
 * stored exactly as given; the store adds only the global position.
 */
export interface EventStore {
  readonly kind: string;
  /**
   * Appends atomically. `expectedRevision` is the revision of the stream's last event, -1 for a
   * stream that must not exist yet. Throws ConcurrencyError when the stream is elsewhere.
   */
  append(stream: string, events: readonly EventToAppend[], options: { expectedRevision: number }): Promise<AppendResult>;
  /** Events of one stream in revision order; [] for a stream that does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** Events of every stream in global order. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** The revision of the stream's last event, -1 when the stream does not exist. */
  streamRevision(stream: string): Promise<number>;
  /** Names of the streams that start with `prefix`, in order of creation. */
  listStreams(prefix?: string): Promise<string[]>;
  subscribe(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
  /** Read models kept beside the log; absent on stores that cannot keep them (they are rebuilt instead). */
  readonly readModels?: ReadModelStore;
  /**
   * Opens an append that takes its events in parts and writes them all or none at `commit`, keeping
   * the parts outside the JavaScript heap meanwhile (SQLite: a temporary table of the connection).
   * Optional: on a store without it, a batch's `flush` keeps its events in memory until `commit`.
   */
  stageAppend?(stream: string, options: { expectedRevision: number }): StagedAppend;
}

/**
 * One all-or-nothing append built up in parts: a long import hands its events over as it decides
 * them instead of holding them all until the end. Nothing staged is visible to any reader before
 * `commit`; `commit` runs the same checks as `append` (expected revision, revisions that follow
 * on, recorded times in order) and throws the same errors, writing nothing when it throws.
 */
export interface StagedAppend {
  /** Adds events after those staged so far; refuses (and keeps nothing of) events whose revisions do not follow on. */
  stage(events: readonly EventToAppend[]): Promise<void>;
  /** Writes every staged event in one atomic append; the staged append is finished either way. */
  commit(): Promise<AppendResult>;
  /** Drops what was staged; nothing was or will be written. Safe to call after `commit`. */
  abort(): Promise<void>;
}

/** Pages through the whole log in global order. */
export async function* iterateAll(store: EventStore, options: { after?: number; pageSize?: number } = {}): AsyncGenerator<StoredEvent> {
  const pageSize = options.pageSize ?? 5000;
  let after = options.after ?? 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    for (const event of page) yield event;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.position;
  }
}

/** Checks that a batch is ready to follow `expectedRevision` in `stream`; stores call it before writing. */
export function assertAppendable(stream: string, events: readonly EventToAppend[], expectedRevision: number): void {
  events.forEach((e, i) => {
    if (e.stream !== stream) throw new Error(`Event ${e.id} belongs to stream ${e.stream}, not ${stream}`);
    if (e.revision !== expectedRevision + 1 + i)
      throw new Error(`Event ${e.id} has revision ${e.revision}; expected ${expectedRevision + 1 + i}`);
  });
}

/** Checks read-model entries before a store writes any of them, so a bad one leaves the batch unwritten. */
export function assertReadModelEntries(model: string, entries: readonly ReadModelEntry[]): void {
  if (typeof model !== 'string' || model.length === 0) throw new Error('Read model name: must be non-empty text');
  for (const [i, e] of entries.entries()) {
    if (typeof e.key !== 'string') throw new Error(`Read model ${model} entry ${i}: key must be text`);
    if (typeof e.value !== 'string') throw new Error(`Read model ${model} entry ${e.key}: value must be JSON text`);
    if (!Number.isSafeInteger(e.revision) || e.revision < 0) throw new Error(`Read model ${model} entry ${e.key}: revision must be a whole number, 0 or more`);
    if (typeof e.hash !== 'string' || e.hash.length === 0) throw new Error(`Read model ${model} entry ${e.key}: hash must be non-empty text`);
  }
}
