import { ConcurrencyError, DomainError, createMemoryStore, createRagtrail, planStream, type Caller, type Ragtrail } from '@ragtrail/core';

export type Scratch = ReturnType<typeof createRagtrail>;

/**
 * All-or-nothing import: every command runs against a scratch in-memory ragtrail with the same
 * rules; only when all succeed is the new plan's stream, already sealed and hash-chained, copied
 * into the real store in one append that requires the stream not to exist (so it is atomic and
 * never overwrites a plan). A failure anywhere leaves the real store untouched.
 */
export async function importAtomically(
  rt: Ragtrail,
  planId: string,
  build: (scratch: Scratch, caller: Caller) => Promise<void>,
  caller: Caller,
): Promise<{ planId: string; events: number }> {
  const stream = planStream(planId);
  if ((await rt.store.streamRevision(stream)) !== -1)
    throw new DomainError('conflict', `A plan ${planId} already exists: import under another plan id`, 'planId', 'plan-id-unique');
  const scratch = createRagtrail({ store: createMemoryStore(), now: rt.now });
  await build(scratch, caller);
  const events = (await scratch.store.readStream(stream)).map(({ position: _position, ...event }) => event);
  try {
    await rt.store.append(stream, events, { expectedRevision: -1 });
  } catch (error) {
    if (error instanceof ConcurrencyError)
      throw new DomainError('conflict', `A plan ${planId} was created while importing: import under another plan id`, 'planId', 'plan-id-unique');
    throw error;
  }
  return { planId, events: events.length };
}
