import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createMemoryStore, createRagtrail, type EventStore, type Ragtrail } from '@ragtrail/core';
import { DEFAULT_STORE_URL, openStore } from '@ragtrail/stores';
import type { Io } from './io.js';

export const storeUrlOf = (options: { store?: string }, io: Io): string => options.store ?? io.env.RAGTRAIL_STORE ?? DEFAULT_STORE_URL;

const namedMemory = new Map<string, EventStore>();

/**
 * `memory:NAME` is one in-memory store per name for the life of the process, so several commands
 * run in one process (tests, an embedding program) see each other's events; plain `memory:` is fresh.
 */
export function memoryStoreNamed(name: string): EventStore {
  let store = namedMemory.get(name);
  if (!store) {
    store = createMemoryStore();
    namedMemory.set(name, store);
  }
  return store;
}

/** Opens a store by URL; a new sqlite file gets its folder made first, so `ragtrail demo` works on a fresh clone. */
export async function openRagtrail(url: string): Promise<Ragtrail> {
  const named = /^memory:(.+)$/.exec(url);
  if (named) return createRagtrail({ store: memoryStoreNamed(named[1]!) });
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  return createRagtrail({ store: await openStore(url) });
}

/** Runs `work` against the store the options name and always closes it. */
export async function withRagtrail<T>(options: { store?: string }, io: Io, work: (rt: Ragtrail) => Promise<T>): Promise<T> {
  const rt = await openRagtrail(storeUrlOf(options, io));
  try {
    return await work(rt);
  } finally {
    await rt.close();
  }
}
