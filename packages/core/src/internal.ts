/**
 * `@ragtrail/core/internal`: what the repository's own stores, tests and benches use beyond the
 * public entry (append preconditions a store checks, the mutable fold behind `evolveAll`, the
 * re-validation shortcut for events the library wrote). Not covered by semver: embedders use
 * `@ragtrail/core`.
 * @packageDocumentation
 */
export { assertAppendable, assertReadModelEntries } from './store/port.js';
export { createLiveFeed } from './store/live-feed.js';
export { startFold, type PlanFold } from './plan/evolve.js';
export { toRecordedTrusted } from './events/recorded.js';
