import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRagtrail, type Ragtrail } from '@ragtrail/core';
import { DEFAULT_STORE_URL, openStore } from '@ragtrail/stores';
import type { Io } from './io.js';

export const storeUrlOf = (options: { store?: string }, io: Io): string => options.store ?? io.env.RAGTRAIL_STORE ?? DEFAULT_STORE_URL;

/** Opens a store by URL; a new sqlite file gets its folder made first, so `ragtrail demo` works on a fresh clone. */
export async function openRagtrail(url: string): Promise<Ragtrail> {
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
