import type { EventToAppend, StoredEvent } from '../events/envelope.js';

export interface AppendResult {
  /** Revision of the last event appended. */
  nextExpectedRevision: number;
  /** Global position of the last event appended. */
  lastPosition: number;
}

export interface ReadStreamOptions {
  /** First revision to return (default 0). */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Return events whose global position is strictly greater than this (default 0: from the start). */
  after?: number;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Catch up from this global position (exclusive), then deliver new events live. */
  after?: number;
  onEvent: (event: StoredEvent) => void | Promise<void>;
  onError?: (error: unknown) => void;
}

export interface Subscription {
  close(): Promise<void>;
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
