export { createPostgresStore, type PostgresStoreOptions, type PostgresEventStore } from './postgres-store.js';
export { SCHEMA_VERSION } from './schema.js';
