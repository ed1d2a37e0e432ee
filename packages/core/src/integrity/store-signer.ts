import { basename } from 'node:path';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key.js';

/**
 * Where a log's signing key lives, for the front ends that open a store by URL (the command line and
 * the HTTP app). `RAGTRAIL_SIGNING_KEY` names the file (server stores, several app instances: they
 * share one file); otherwise a SQLite store's key sits beside its database, named after it
 * (`./data/ragtrail.db.key`). Other stores without the variable have no key, so they sign nothing.
 */
export function signingKeyPathFor(storeUrl: string, env: Readonly<Record<string, string | undefined>>): string | null {
  const named = env.RAGTRAIL_SIGNING_KEY?.trim();
  if (named) return named;
  const url = storeUrl.trim();
  if (!url.startsWith('sqlite:')) return null;
  const path = url.slice('sqlite:'.length);
  return path === '' || path === ':memory:' ? null : `${path}.key`;
}

/**
 * The log's name, which is both the key's name and every checkpoint's origin line:
 * `RAGTRAIL_LOG_NAME` when set, else `ragtrail/<key file name without .key>` (`ragtrail/ragtrail.db`
 * for the default store), with anything a key name may not hold (spaces, "+") turned into "-".
 */
export function logNameFor(keyPath: string, env: Readonly<Record<string, string | undefined>>): string {
  const named = env.RAGTRAIL_LOG_NAME?.trim();
  if (named) return named;
  const stem = basename(keyPath).replace(/\.key$/, '') || 'log';
  return `ragtrail/${stem.replace(/[\s+\p{Cc}]/gu, '-')}`;
}

/** Loads (or, on first use, creates with mode 0600) the signing key for a store URL; undefined when the store has none. */
export function signerForStore(storeUrl: string, env: Readonly<Record<string, string | undefined>>): SigningKey | undefined {
  const path = signingKeyPathFor(storeUrl, env);
  return path === null ? undefined : loadOrCreateSigningKey(path, logNameFor(path, env));
}
