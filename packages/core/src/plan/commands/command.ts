import type { Actor } from '../../access/roles.js';

/** Who is asking, why, and the moment the decision is taken (injected, so deciders stay pure). */
export interface CommandMetadata {
  actor: Actor;
  reason: string | null;
  now: Date;
}

export interface Command<T extends string, D> {
  type: T;
  data: D;
  metadata: CommandMetadata;
}
