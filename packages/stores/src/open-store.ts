import { createMemoryStore, invalid, type EventStore } from '@ragtrail/core';
import { memoryStoreNamed } from './memory.js';
import { openPostgres } from './postgres.js';

export const DEFAULT_STORE_URL = 'sqlite:./data/ragtrail.db';

const FORMS = 'use sqlite:PATH (e.g. sqlite:./data/ragtrail.db), postgres://USER@HOST:5432/DATABASE, memory:NAME, memory: or esdb://HOST:2113?tls=false';

/**
 * Opens the store a URL names. The one place store URLs are read, for every front end (command
 * line, HTTP app, embedding): `sqlite:PATH` (the default, one file; the store makes its folder, so `ragtrail demo` works on a fresh clone), `memory:`
 * (nothing kept), `memory:NAME` (one store per name for the life of the process),
 * `postgres://...` or `postgresql://...` (PostgreSQL), `esdb://host:2113?tls=false` or any
 * EventStoreDB connection string (`esdb+discover://...` for clusters).
 * A bad URL is refused with a DomainError on field `store` naming the rule it broke.
 */
export async function openStore(url: string = DEFAULT_STORE_URL): Promise<EventStore> {
  const trimmed = url.trim();
  if (!trimmed) throw invalid('store', 'store-url-empty', `The store URL is empty: ${FORMS}`);
  if (trimmed === 'memory:' || trimmed === 'memory') return createMemoryStore();
  if (trimmed.startsWith('memory:')) {
    return memoryStoreNamed(trimmed.slice('memory:'.length));
  }
  if (/^postgres(ql)?:\/\//.test(trimmed)) return openPostgres(trimmed);
  if (/^postgres(ql)?:/.test(trimmed)) {
    throw invalid('store', 'postgres-url-slashes', `"${url}": a PostgreSQL URL starts with postgres:// (two slashes)`);
  }
  if (trimmed.startsWith('sqlite:')) return openSqlite(url, trimmed.slice('sqlite:'.length));
  if (trimmed.startsWith('esdb://') || trimmed.startsWith('esdb+discover://')) {
    if (/^esdb(\+discover)?:\/\/\/?$/.test(trimmed) || /^esdb(\+discover)?:\/\/[/?]/.test(trimmed)) {
      throw invalid('store', 'esdb-url-host', `"${url}": an EventStoreDB URL needs a host, e.g. esdb://localhost:2113?tls=false`);
    }
    const { createEventStoreDbStore } = await import('@ragtrail/store-eventstoredb');
    return createEventStoreDbStore({ connectionString: trimmed });
  }
  if (/^esdb(\+discover)?:/.test(trimmed)) {
    throw invalid('store', 'esdb-url-slashes', `"${url}": an EventStoreDB URL starts with esdb:// (two slashes)`);
  }
  throw invalid('store', 'store-url-scheme', `Unknown store URL "${url}": ${FORMS}`);
}

async function openSqlite(url: string, rawPath: string): Promise<EventStore> {
  // "sqlite://./x.db" is a common slip for "sqlite:./x.db"; keep the path the user meant.
  const path = rawPath.startsWith('//') ? rawPath.slice(2) : rawPath;
  if (!path) throw invalid('store', 'sqlite-url-path', `"${url}": a sqlite store URL needs a file path, e.g. sqlite:./data/ragtrail.db`);
  if (path === ':memory:') {
    throw invalid('store', 'sqlite-url-path', `"${url}": use memory: for a store that keeps nothing, not sqlite::memory:`);
  }
  const { createSqliteStore } = await import('@ragtrail/store-sqlite');
  try {
    return createSqliteStore({ path });
  } catch (error) {
    // The file is the person's to fix (a wrong path, no permission, another program's file).
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_READONLY') || ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST'].includes(code))
      throw invalid('store', 'sqlite-file-opens', `Cannot open the SQLite store at ${path} (${(error as Error).message}): check the path and that this user may write there`);
    if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT'))
      throw invalid('store', 'sqlite-file-is-a-store', `${path} is not a ragtrail SQLite store (${(error as Error).message}): give the path of a store, or a new file`);
    throw error;
  }
}
