import { createMemoryStore, type EventStore } from '@ragtrail/core';

const named = new Map<string, EventStore>();

/**
 * `memory:NAME` is one in-memory store per name for the life of the process, so several commands
 * run in one process (tests, an embedding program) see each other's events; plain `memory:` is fresh.
 */
export function memoryStoreNamed(name: string): EventStore {
  let store = named.get(name);
  if (!store) {
    store = createMemoryStore();
    named.set(name, store);
  }
  return store;
}
