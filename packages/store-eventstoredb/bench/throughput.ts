/**
 * Measures the adapter and client overhead against the in-process gRPC double:
 *   npx tsx packages/store-eventstoredb/bench/throughput.ts [events]
 * These are NOT EventStoreDB server numbers (the double keeps everything in memory); they bound
 * what the Node side costs per event, and how long listStreams' $all scan takes per event.
 */
import { createMemoryStore, migrateLog } from '@ragtrail/core';
import { sealedEvents } from '@ragtrail/core/testing';
import { createEventStoreDbStore } from '../src/index.js';
import { startEventStoreDouble } from '../test/double/server.js';

const total = Number(process.argv[2] ?? 20_000);
const perStream = 50;

const time = async <T>(label: string, n: number, f: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await f();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  ${((n / ms) * 1000).toFixed(0).padStart(8)} events/s`);
  return result;
};

for (const batchAppend of [false, true]) {
  const double = await startEventStoreDouble({ batchAppend });
  const store = createEventStoreDbStore({ connectionString: double.connectionString });
  console.log(`-- ${batchAppend ? 'BatchAppend' : 'classic Append'}, ${total} events in streams of ${perStream}`);
  await time('append (one call per 10 events)', total, async () => {
    for (let s = 0; s < total / perStream; s++) {
      const events = sealedEvents(`plan-${s}`, perStream);
      for (let i = 0; i < perStream; i += 10) await store.append(`plan-${s}`, events.slice(i, i + 10), { expectedRevision: i - 1 });
    }
  });
  await time('readAll (whole log)', total, () => store.readAll());
  await time('listStreams ($all scan)', total, () => store.listStreams());
  await time('readStream x streams', total, async () => {
    for (let s = 0; s < total / perStream; s++) await store.readStream(`plan-${s}`);
  });
  const back = createMemoryStore();
  await time('migrate to memory (verify, copy, verify)', total, () => migrateLog(store, back));
  await store.close();
  await double.stop();
}
