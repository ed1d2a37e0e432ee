import type { Ragtrail } from '@ragtrail/core';
import type { Io } from './io.js';

// The core and the stores load when a command opens a store, not when the commands are registered:
// `ragtrail --help` and a misspelt flag answer without them.

/** The store a command works on: --store, else RAGTRAIL_STORE, else the stores' default (a SQLite file). */
export async function storeUrlOf(options: { store?: string }, io: Io): Promise<string> {
  const given = options.store ?? io.env.RAGTRAIL_STORE;
  return given ?? (await import('@ragtrail/stores')).DEFAULT_STORE_URL;
}

/** Opens a store by URL: every form (`memory:NAME`, `sqlite:` with its folder made, `postgres://`...) is `openStore`'s. */
export async function openRagtrail(url: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<Ragtrail> {
  const [{ createRagtrail, signerForStore }, { openStore }] = await Promise.all([import('@ragtrail/core'), import('@ragtrail/stores')]);
  const store = await openStore(url);
  // The signing key is loaded after the store opens, so a new SQLite store's folder exists for it.
  const signer = signerForStore(url, env);
  return createRagtrail({ store, ...(signer ? { signer } : {}) });
}

/** Runs `work` against the store the options name and always closes it. */
export async function withRagtrail<T>(options: { store?: string }, io: Io, work: (rt: Ragtrail) => Promise<T>): Promise<T> {
  const rt = await openRagtrail(await storeUrlOf(options, io), io.env);
  try {
    return await work(rt);
  } finally {
    await rt.close();
  }
}
