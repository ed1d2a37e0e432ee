import { createRagtrail, signerForStore, type Ragtrail } from '@ragtrail/core';
import { DEFAULT_STORE_URL, openStore } from '@ragtrail/stores';
import type { Io } from './io.js';

// Tests and the pseudo-terminal entry reach one named memory store from outside the command line.
export { memoryStoreNamed } from '@ragtrail/stores';

export const storeUrlOf = (options: { store?: string }, io: Io): string => options.store ?? io.env.RAGTRAIL_STORE ?? DEFAULT_STORE_URL;

/** Opens a store by URL: every form (`memory:NAME`, `sqlite:` with its folder made, `postgres://`...) is `openStore`'s. */
export async function openRagtrail(url: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<Ragtrail> {
  const store = await openStore(url);
  // The signing key is loaded after the store opens, so a new SQLite store's folder exists for it.
  const signer = signerForStore(url, env);
  return createRagtrail({ store, ...(signer ? { signer } : {}) });
}

/** Runs `work` against the store the options name and always closes it. */
export async function withRagtrail<T>(options: { store?: string }, io: Io, work: (rt: Ragtrail) => Promise<T>): Promise<T> {
  const rt = await openRagtrail(storeUrlOf(options, io), io.env);
  try {
    return await work(rt);
  } finally {
    await rt.close();
  }
}
