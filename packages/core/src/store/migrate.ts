import type { VerifyResult } from '../chain/hash-chain.js';
import type { StoredEvent } from '../events/envelope.js';
import { iterateAll, type EventStore } from './port.js';
import { verifyStore } from './verify-store.js';

export interface MigrationProgress {
  phase: 'verify-source' | 'copy' | 'verify-target';
  done: number;
  total: number;
}

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
