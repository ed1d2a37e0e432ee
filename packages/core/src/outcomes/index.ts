export * from '../events/outcome-events.js';
export * from './commands.js';
export {
  initialOutcomeState, outcomeStream, planIdOfOutcomeStream,
  type CarryOver, type ComparatorValue, type Indicator, type IndicatorValue, type MilestoneRecord, type OutcomeState,
} from './state.js';
export { evolveOutcomes, evolveOutcomesAll } from './evolve.js';
export { decideOutcome, outcomeDecider, type OutcomeCommand } from './decider.js';
export {
  direction, goodness, ragOf, relation, targetAt, type IndicatorRag, type OutcomeDirection, type Relation,
} from './polarity.js';
export { figure } from './format.js';
export * from './indicator-view.js';
export * from './milestones.js';
export * from './coverage.js';
export type { CoverageRow, OutcomeCommandResult, OutcomeCommandOf, OutcomeException } from '../ragtrail/outcome-queries.js';
export * from './audit.js';
