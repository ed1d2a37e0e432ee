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
  await build(batch, caller);
  try {
    const result = await batch.commit();
    return { planId, events: result.events.length };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'conflict')
      throw new DomainError('conflict', `A plan ${planId} was created while importing: import under another plan id`, 'planId', 'plan-id-unique');
    throw error;
  }
}
