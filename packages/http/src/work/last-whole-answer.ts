import type { Ragtrail } from '@ragtrail/core';

/**
 * How long a kept answer outlives its last page: a client reading pages asks for the next within
 * moments, and the answer of a long plan is tens of MB a worker should not hold after.
 */
const KEPT_IDLE_MS = 60_000;

/**
 * The last whole answer of one kind a facade computed, kept for the next page of it. A client
 * reading the evidence or the audit trail of a 40,000-action plan a page at a time asks for the
 * same whole answer forty times, and each took 2-3 s to compute. The key names the plan, its
 * revision as read now (or at `asOf`) and the question without its page, so any change to the plan
 * is a new answer. One answer of each kind per facade, dropped a minute after its last page: memory
 * stays bounded and is given back.
 */
export function lastWholeAnswer<T>({ idleMs = KEPT_IDLE_MS }: { idleMs?: number } = {}): (rt: Ragtrail, key: string, compute: () => Promise<T>) => Promise<T> {
  const kept = new WeakMap<Ragtrail, { key: string; answer: Promise<T>; timer: NodeJS.Timeout }>();
  const forget = (rt: Ragtrail, entry: { timer: NodeJS.Timeout }) => {
    clearTimeout(entry.timer);
    if (kept.get(rt) === entry) kept.delete(rt);
  };
  // Unref'd: a kept answer never keeps a worker or a process alive.
  const expiry = (rt: Ragtrail, entry: { timer: NodeJS.Timeout }) => setTimeout(() => forget(rt, entry), idleMs).unref();
  return (rt, key, compute) => {
    const last = kept.get(rt);
    if (last?.key === key) {
      last.timer.refresh();
      return last.answer;
    }
    if (last) forget(rt, last);
    const entry = { key, answer: compute(), timer: undefined as unknown as NodeJS.Timeout };
    entry.timer = expiry(rt, entry);
    kept.set(rt, entry);
    // A refusal is not kept: the same question may be answered once the plan has changed.
    entry.answer.catch(() => forget(rt, entry));
    return entry.answer;
  };
}

/** The key of a whole answer: the plan, its revision where the question reads it, and the question without its page. */
export async function wholeAnswerKey(rt: Ragtrail, planId: string, question: { asOf?: string | undefined } & object): Promise<string> {
  const { revision } = await rt.loadPlan(planId, question.asOf);
  return JSON.stringify([planId, revision, question]);
}
