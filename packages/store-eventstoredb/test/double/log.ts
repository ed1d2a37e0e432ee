/**
 * The storage of the EventStoreDB double: one in-memory log with stream indexes. It keeps events
 * as opaque bytes and metadata strings, the way the wire protocol delivers them, and knows only
 * the rules the protocol exposes: expected revisions, 0-based stream revisions, a global position.
 */

/** Expected revision as the protocol states it. */
export type Expected = { kind: 'revision'; revision: bigint } | { kind: 'no_stream' } | { kind: 'any' } | { kind: 'stream_exists' };

export interface Proposed {
  /** The event id message as the client sent it (string or structured form), serialised. */
  id: Uint8Array;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface LogRecord extends Proposed {
  stream: string;
  revision: bigint;
  /** Commit and prepare positions are equal here: the double has no explicit transactions. */
  position: bigint;
  /** 100 ns ticks since the Unix epoch, as the server stamps them. */
  created: bigint;
}

export type AppendOutcome =
  | { ok: true; currentRevision: bigint; position: bigint }
  | { ok: false; currentRevision: bigint | undefined };

export class DoubleLog {
  readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  private readonly listeners = new Set<(record: LogRecord) => void>();
  // Positions start high and step by record size so that adapters cannot assume 1, 2, 3, ...
  private nextPosition = 4096n;

  constructor(private readonly now: () => Date = () => new Date()) {}

  currentRevision(stream: string): bigint | undefined {
    const events = this.streams.get(stream);
    return events && events.length > 0 ? BigInt(events.length - 1) : undefined;
  }

  stream(stream: string): readonly LogRecord[] | undefined {
    return this.streams.get(stream);
  }

  /** All or nothing, like the server: a refused append writes nothing. */
  append(stream: string, expected: Expected, events: readonly Proposed[]): AppendOutcome {
    const current = this.currentRevision(stream);
    const fits =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && current === undefined) ||
      (expected.kind === 'stream_exists' && current !== undefined) ||
      (expected.kind === 'revision' && current === expected.revision);
    if (!fits) return { ok: false, currentRevision: current };
    const existing = this.streams.get(stream) ?? [];
    const ticks = BigInt(this.now().getTime()) * 10_000n;
    const added = events.map((e, i): LogRecord => {
      const position = this.nextPosition;
      this.nextPosition += BigInt(64 + e.data.length + e.customMetadata.length);
      return { ...e, stream, revision: BigInt(existing.length + i), position, created: ticks };
    });
    this.streams.set(stream, [...existing, ...added]);
    this.records.push(...added);
    for (const record of added) for (const listener of this.listeners) listener(record);
    const last = added[added.length - 1];
    return last ? { ok: true, currentRevision: last.revision, position: last.position } : { ok: true, currentRevision: current ?? -1n, position: 0n };
  }

  /** How many subscriptions the server is feeding: lets tests see a closed client's call end. */
  get listening(): number {
    return this.listeners.size;
  }

  /** Calls `listener` for every record appended from now on; returns the unsubscribe. */
  onAppend(listener: (record: LogRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
