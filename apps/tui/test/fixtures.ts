import { createMemoryStore, createRagtrail, type EventStore, type Ragtrail } from '@ragtrail/core';

export { admin, officer, reviewer, board, seedPlan, steppingClock } from '@ragtrail/core/testing';
import { seedPlan, steppingClock } from '@ragtrail/core/testing';

export async function seededMemory(): Promise<{ rt: Ragtrail; store: EventStore; planId: string }> {
  const store = createMemoryStore();
  const rt = createRagtrail({ store, now: steppingClock() });
  const planId = await seedPlan(rt);
  return { rt, store, planId };
}

export function captureIo(env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env, stdoutIsTTY: false },
    out: () => out,
    err: () => err,
  };
}
