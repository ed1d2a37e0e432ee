import { createMemoryStore, createRagtrail, type EventStore, type Ragtrail } from '@ragtrail/core';
import { createDemoClock, loadDemo } from '../src/index.js';

/** A fresh memory store with the demo's history loaded, as `ragtrail demo` loads it, and the store beside it. */
export async function demoRagtrail(): Promise<Ragtrail & { store: EventStore }> {
  const store = createMemoryStore();
  const clock = createDemoClock();
  const rt = Object.assign(createRagtrail({ store, now: clock.now }), { store });
  await loadDemo(rt, clock);
  return rt;
}
