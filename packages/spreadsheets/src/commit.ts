import { DomainError, type Caller, type PlanBatch, type Ragtrail } from '@ragtrail/core';

export type Scratch = PlanBatch;

/**
 * All-or-nothing import: every command is decided by the core's own rules in one batch on the new
 * plan, and only when all succeed are its events appended, in one append that requires the plan
 * not to exist (so it is atomic and never overwrites a plan). A failure anywhere leaves the store
 * untouched.
 */
export async function importAtomically(
  rt: Ragtrail,
  planId: string,
  build: (batch: Scratch, caller: Caller) => Promise<void>,
  caller: Caller,
): Promise<{ planId: string; events: number }> {
  const batch = await rt.batch(planId);
  if (batch.state.status !== 'empty')
    throw new DomainError('conflict', `A plan ${planId} already exists: import under another plan id`, 'planId', 'plan-id-unique');
  try {
    await build(batch, caller);
  } catch (error) {
    await batch.discard();
    throw error;
  }
  try {
    // A new plan starts at revision -1: its last revision counts its events, flushed ones too.
    const result = await batch.commit();
    return { planId, events: result.revision + 1 };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'conflict')
      throw new DomainError('conflict', `A plan ${planId} was created while importing: import under another plan id`, 'planId', 'plan-id-unique');
    throw error;
  }
}

/** Lines between flushes of a long import: enough to make each part cheap, few enough to keep memory flat. */
const LINES_PER_FLUSH = 2000;

/**
 * Hands the batch's events to the store every `LINES_PER_FLUSH` lines (see `PlanBatch.flush`), so a
 * 100,000-row tracker holds the plan in memory and not its 300,000 events.
 */
export function flushingEvery(scratch: Scratch): () => Promise<void> {
  let lines = 0;
  return async () => {
    if (++lines % LINES_PER_FLUSH === 0) await scratch.flush();
  };
}
