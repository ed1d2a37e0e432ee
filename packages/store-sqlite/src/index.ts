export { createSqliteStore, type SqliteStoreOptions, type SqliteEventStore } from './sqlite-store.js';
export { SCHEMA_VERSION } from './schema.js';
