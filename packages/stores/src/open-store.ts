import { createMemoryStore, invalid, type EventStore } from '@ragtrail/core';

export const DEFAULT_STORE_URL = 'sqlite:./data/ragtrail.db';

/**
 * Opens the store a URL names. One syntax everywhere (command line, HTTP app, embedding):
 * `sqlite:PATH` (the default, one file), `memory:` (nothing kept), `esdb://host:2113?tls=false`
 * or any EventStoreDB connection string (`esdb+discover://...` for clusters).
 */
export async function openStore(url: string = DEFAULT_STORE_URL): Promise<EventStore> {
  if (url === 'memory:' || url === 'memory') return createMemoryStore();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (!path) throw invalid('store', 'store-url', 'A sqlite store URL needs a file path, e.g. sqlite:./data/ragtrail.db');
    const { createSqliteStore } = await import('@ragtrail/store-sqlite');
    return createSqliteStore({ path });
  }
  if (url.startsWith('esdb://') || url.startsWith('esdb+discover://')) {
    const { createEventStoreDbStore } = await import('@ragtrail/store-eventstoredb');
    return createEventStoreDbStore({ connectionString: url });
  }
  throw invalid('store', 'store-url', `Unknown store URL "${url}": use sqlite:PATH, memory: or esdb://HOST:2113?tls=false`);
}
