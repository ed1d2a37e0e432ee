export * from './open-store.js';
export { memoryStoreNamed } from './memory.js';
