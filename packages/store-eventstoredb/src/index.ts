export { createEventStoreDbStore, type EventStoreDbStoreOptions } from './eventstoredb-store.js';
export { eventStoreId, EnvelopeMetadata } from './envelope-metadata.js';
