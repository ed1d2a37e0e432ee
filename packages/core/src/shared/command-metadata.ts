import type { Actor } from '../access/roles.js';

/**
 * Who is asking, why, and the moment the decision is taken (injected, so deciders stay pure).
 * Every stream's decider takes it: plans and access alike.
 */
export interface CommandMetadata {
  actor: Actor;
  reason: string | null;
  now: Date;
}
