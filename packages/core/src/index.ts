export * from './shared/errors.js';
export * from './shared/http-status.js';
export * from './shared/period.js';
export * from './scheme/scheme.js';
export * from './access/roles.js';
export * from './access/permissions.js';
export {
  IssueTokenInput, RevokeTokenInput, accessDecider, type AccessCommand, type AccessState, type TokenRecord,
} from './access/tokens.js';
export * from './events/plan-events.js';
export * from './events/access-events.js';
export * from './events/integrity-events.js';
export { type DomainEvent, type EventData, type EventOf, type EventType } from './events/catalogue.js';
export * from './events/envelope.js';
export { toRecorded } from './events/recorded.js';
export { GENESIS_HASH, type ChainBreak, type VerifyResult } from './chain/hash-chain.js';
export { iterateAll, type AppendResult, type StagedAppend, type EventStore, type ReadAllOptions, type ReadModelEntry, type ReadModelStore, type ReadStreamOptions, type SubscribeOptions, type Subscription } from './store/port.js';
export * from './store/memory-store.js';
export * from './store/verify-store.js';
export * from './store/migrate.js';
export {
  actionsInOrder, entryAt, entryPeriods, initialPlanState, scoreAt,
  type ActionState, type Entry, type Evidence, type ImportedFigures, type PlanState, type Priority, type Review,
} from './plan/state.js';
export * from './plan/state-json.js';
export { evolve, evolveAll } from './plan/evolve.js';
export * from './plan/replay.js';
export * from './plan/decider.js';
export * from './plan/commands/command.js';
export type { Decider } from './shared/decider.js';
export type { LiveSubscription, SubscribeFrom } from './ragtrail/log-access.js';
export * from './plan/commands/schemas.js';
export { slugify } from './plan/commands/guards.js';
export {
  displayPair, formatFigure, priorityName,
  type ActionFigure, type ActionGroup, type DisplayedPair, type GroupFigures, type LevelCount,
} from './projections/figures.js';
export * from './projections/rag-summary.js';
export * from './projections/exceptions.js';
export * from './projections/audit-trail.js';
export {
  auditEventTitle, describeAuditRecord, describeChange, valueInWords, type DescribeContext,
} from './projections/audit-sentences.js';
export * from './projections/sustained-evidence.js';
export { defaultPeriod, recordingPeriod } from './projections/default-period.js';
export * from './ragtrail/plan-timeline.js';
export * from './ragtrail/plan-replay.js';
export * from './ragtrail/ragtrail.js';
export * from './ragtrail/run-batch.js';
export type { SummaryQuery } from './ragtrail/plan-queries.js';
export { HISTORY_PAGE_MAX, HistoryPageQuery, type HistoryPage } from './ragtrail/history-page.js';
export type { SignedCheckpoint, CheckpointVerdict, LogIntegrity } from './ragtrail/log-integrity.js';
export type { ReadModelVerdict } from './ragtrail/read-model-check.js';
export type { LogVerifyResult } from './ragtrail/verify-log.js';
export type { IntegrityFlag, PlanIntegrity, LogIntegrityStatus } from './ragtrail/integrity-status.js';
export type { CoverageRow, OutcomeCommandResult, OutcomeCommandOf, OutcomeException } from './ragtrail/outcome-queries.js';
export * from './integrity/index.js';
export * from './outcomes/index.js';
