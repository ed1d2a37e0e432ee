export * from './store-contract.js';
export * from './sealed-events.js';
export * from './given-when-then.js';
export * from './seed-plan.js';
export * from './seed-neet-objective.js';
export * from './wait-until.js';
