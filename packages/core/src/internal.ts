/**
 * `@ragtrail/core/internal`: what the repository's own packages, tests and benches use beyond the
 * public entry (append preconditions a store checks, the mutable folds behind `evolveAll` and time
 * travel, the re-validation shortcut for events the library wrote, the pieces the facade and the
 * projections are built from). Not covered by semver: embedders use `@ragtrail/core`.
 * @packageDocumentation
 */
export { assertAppendable, assertReadModelEntries } from './store/port.js';
export { createLiveFeed } from './store/live-feed.js';
export { foldPlan, startFold, type PlanFold } from './plan/evolve.js';
export { toRecordedTrusted } from './events/recorded.js';
// The parts behind the facade's features: an embedder gets their results through `createRagtrail`
// and the projections, and these may change shape whenever those features need them to.
export { CheckpointedFold } from './ragtrail/checkpointed-fold.js';
export { normaliseAsOf } from './ragtrail/instant.js';
export { hashToken, newTokenSecret, principalFor } from './access/tokens.js';
export { choosePeriod, latestKey, DefaultPeriodTracker } from './projections/default-period.js';
export {
  actionFigure, actionGroups, colourRule, directionOfFigures, groupFigures, levelOf, mean, priorityHeading,
} from './projections/figures.js';
export { EMPTY_ROOT, HASH_SIZE, hashChildren, hashFromHex, hashLeaf, leafHashOfEvent } from './integrity/hashing.js';
export { formatNote, keyIdOf } from './integrity/signed-note.js';
export { formatCheckpointBody, parseCheckpointBody, readCheckpointUnverified } from './integrity/checkpoint.js';
export { logNameFor, signingKeyPathFor } from './integrity/store-signer.js';
// Store plumbing: the chain sealing and order check every store's append runs, and the codec
// behind toRecorded. A store gets them from here; an embedder's events arrive sealed and decoded.
export { hashEvent, seal, verifyStream } from './chain/hash-chain.js';
export { assertRecordedInOrder } from './integrity/recorded-order.js';
export { eventCatalogue, isEventType, upcast } from './events/catalogue.js';
// Fold internals: the access decider's parts (embedders use accessDecider or the facade), the
// mutable outcome fold, and the plan-state lookups the folds and projections share.
export { ACCESS_STREAM, decideAccess, evolveAccess, initialAccessState } from './access/tokens.js';
export { startOutcomeFold } from './outcomes/evolve.js';
export { isActiveIn, latestEntryBefore, prioritiesInOrder } from './plan/state.js';
// Helpers the outcome fold, its views and the audit sentences share; their results reach embedders
// through indicatorView, milestoneViews, coverage and describeAuditRecord.
export { findIndicator } from './outcomes/decider.js';
export { indicatorsInOrder, trajectoryInOrder, valuesInOrder } from './outcomes/state.js';
export { monthIndex, willMeet } from './outcomes/polarity.js';
export { comparatorPhrase } from './outcomes/format.js';
export { listInWords } from './projections/audit-sentences.js';
