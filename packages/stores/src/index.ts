export * from './open-store.js';
