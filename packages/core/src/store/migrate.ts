import type { VerifyResult } from '../chain/hash-chain.js';
import { verifyStream } from '../chain/hash-chain.js';
import { StoredEvent as StoredEventSchema, type StoredEvent } from '../events/envelope.js';
import { iterateAll, type AppendResult, type EventStore } from './port.js';
import { verifyStore } from './verify-store.js';

/**
 * How far a migration has got, for a progress bar: the phase (verifying the source, copying, verifying the
 * target) and events done of the total.
 */
export interface MigrationProgress {
  phase: 'verify-source' | 'copy' | 'verify-target';
  done: number;
  total: number;
}

/**
 * What a finished migration copied (events and streams) and the chain checks of the source and of the
 * target.
 */
export interface MigrationReport {
  events: number;
  streams: number;
  source: VerifyResult;
  target: VerifyResult;
}

/**
 * Copies a whole log, event by event in global order, into an empty store. Events are copied
 * sealed, so hashes and chains survive; positions are the target's own. Refuses a broken source.
 */
export async function migrateLog(from: EventStore, to: EventStore, onProgress?: (p: MigrationProgress) => void): Promise<MigrationReport> {
  const source = await verifyStore(from, { onProgress: (done, total) => onProgress?.({ phase: 'verify-source', done, total }) });
  if (!source.ok) throw new Error(`The source log is broken at ${source.firstBreak.stream}@${source.firstBreak.revision}: ${source.firstBreak.message}; nothing was copied`);
  if ((await to.listStreams()).length > 0) throw new Error('The target store is not empty; migrate into an empty store');
  let copied = 0;
  const streams = new Set<string>();
  let batch: StoredEvent[] = [];
  const flush = async () => {
    // Consecutive events of one stream go in one append, in global order.
    while (batch.length > 0) {
      const stream = batch[0]!.stream;
      let n = 1;
      while (n < batch.length && batch[n]!.stream === stream) n++;
      const run = batch.slice(0, n).map(({ position: _position, ...rest }) => rest);
      await to.append(stream, run, { expectedRevision: run[0]!.revision - 1 });
      streams.add(stream);
      copied += n;
      batch = batch.slice(n);
    }
    onProgress?.({ phase: 'copy', done: copied, total: source.events });
  };
  for await (const event of iterateAll(from)) {
    batch.push(event);
    if (batch.length >= 500) await flush();
  }
  await flush();
  const target = await verifyStore(to, { onProgress: (done, total) => onProgress?.({ phase: 'verify-target', done, total }) });
  return { events: copied, streams: streams.size, source, target };
}

/** Writes the whole log as one JSON object per line, in global order: a backup anyone can read. */
export async function* exportNdjson(store: EventStore): AsyncGenerator<string> {
  for await (const event of iterateAll(store)) yield `${JSON.stringify(event)}\n`;
}

/** Stores that can keep the global positions of a restored backup (SQLite does). */
export interface PositionedAppend {
  appendWithPositions(stream: string, events: readonly StoredEvent[], options: { expectedRevision: number }): Promise<AppendResult>;
}

const acceptsPositions = (store: EventStore): store is EventStore & PositionedAppend =>
  typeof (store as Partial<PositionedAppend>).appendWithPositions === 'function';

/**
 * Restores an `exportNdjson` backup into an empty store. Every line is parsed and every stream's
 * chain verified before anything is written, so a bad backup writes nothing. Events are written in
 * global order; positions are kept exactly when the store accepts them (`appendWithPositions`),
 * otherwise the import checks that the store assigned the same ones and fails if it did not.
 */
export async function importNdjson(
  store: EventStore,
  lines: AsyncIterable<string> | Iterable<string>,
  onProgress?: (done: number, total: number) => void,
): Promise<{ events: number; streams: number }> {
  if ((await store.listStreams()).length > 0) throw new Error('The target store is not empty; import into an empty store');
  const events: StoredEvent[] = [];
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`Backup line ${lineNo} is not JSON; nothing was imported`);
    }
    const parsed = StoredEventSchema.safeParse(json);
    if (!parsed.success) throw new Error(`Backup line ${lineNo} is not a stored event (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}); nothing was imported`);
    const last = events[events.length - 1];
    if (last && parsed.data.position <= last.position)
      throw new Error(`Backup line ${lineNo} has position ${parsed.data.position} after ${last.position}: positions must increase; nothing was imported`);
    events.push(parsed.data);
  }
  const byStream = new Map<string, StoredEvent[]>();
  for (const e of events) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
  for (const [stream, streamEvents] of byStream) {
    const broken = verifyStream(streamEvents);
    if (broken) throw new Error(`Backup stream ${stream} is broken at revision ${broken.revision}: ${broken.message}; nothing was imported`);
  }
  let done = 0;
  for (let i = 0; i < events.length; ) {
    const stream = events[i]!.stream;
    let j = i + 1;
    while (j < events.length && events[j]!.stream === stream) j++;
    const run = events.slice(i, j);
    const expectedRevision = run[0]!.revision - 1;
    if (acceptsPositions(store)) await store.appendWithPositions(stream, run, { expectedRevision });
    else {
      const result = await store.append(stream, run.map(({ position: _p, ...rest }) => rest), { expectedRevision });
      if (result.lastPosition !== run[run.length - 1]!.position)
        throw new Error(`This ${store.kind} store assigned position ${result.lastPosition} where the backup has ${run[run.length - 1]!.position}; it cannot keep the backup's positions`);
    }
    done += run.length;
    onProgress?.(done, events.length);
    i = j;
  }
  return { events: events.length, streams: byStream.size };
}
