// The import alone, in a process of its own, so its peak resident memory is the import's and not
// the bench's: reads the tracker file named on the command line, imports it all or nothing into
// the store named by the second argument (a SQLite file, as the command line does), and prints
// one JSON line { seconds, cpuSeconds, events, maxRssMb } (CPU time beside wall time: on a shared
// machine the wall time says as much about the neighbours as about the import). The store
// `discard:` takes the import's staged events and drops them: the import's own work (reading,
// deciding, checking, sealing) with no write at all.
import { readFileSync } from 'node:fs';
import { createMemoryStore, createRagtrail, type EventStore } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import { importTracker, keepHeapGrowthModest } from '../src/index.js';

const [file, storeUrl] = process.argv.slice(2) as [string, string];
const admin = { actor: { id: 'bench', name: 'Bench', role: 'admin' as const } };

function discardingStore(): EventStore {
  const store = createMemoryStore();
  return Object.assign(store, {
    stageAppend: (_stream: string, { expectedRevision }: { expectedRevision: number }) => {
      let count = 0;
      return {
        stage: async (events: readonly unknown[]) => { count += events.length; },
        // Positions as consecutive as a real store's, so the batch reads nothing back.
        commit: async () => ({ nextExpectedRevision: expectedRevision + count, lastPosition: count - 1, firstPosition: 0 }),
        abort: async () => {},
      };
    },
  });
}

// As the command line does before an import.
keepHeapGrowthModest();
const rt = createRagtrail({ store: storeUrl === 'discard:' ? discardingStore() : await openStore(storeUrl) });
const started = performance.now();
const cpu = process.cpuUsage();
const content = readFileSync(file);
const { events } = await importTracker(rt, { fileName: 'long-tracker.tsv', content }, admin);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
console.log(JSON.stringify({ seconds, cpuSeconds, events, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
await rt.close();
