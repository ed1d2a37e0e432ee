import type { Ragtrail } from '@ragtrail/core';

/**
 * The last whole answer of one kind a facade computed, kept for the next page of it. A client
 * reading the evidence or the audit trail of a 40,000-action plan a page at a time asks for the
 * same whole answer forty times, and each took 2-3 s to compute. The key names the plan, its
 * revision as read now (or at `asOf`) and the question without its page, so any change to the plan
 * is a new answer. One answer of each kind per facade: memory stays bounded.
 */
export function lastWholeAnswer<T>(): (rt: Ragtrail, key: string, compute: () => Promise<T>) => Promise<T> {
  const kept = new WeakMap<Ragtrail, { key: string; answer: Promise<T> }>();
  return (rt, key, compute) => {
    const last = kept.get(rt);
    if (last?.key === key) return last.answer;
    const entry = { key, answer: compute() };
    kept.set(rt, entry);
    // A refusal is not kept: the same question may be answered once the plan has changed.
    entry.answer.catch(() => { if (kept.get(rt) === entry) kept.delete(rt); });
    return entry.answer;
  };
}

/** The key of a whole answer: the plan, its revision where the question reads it, and the question without its page. */
export async function wholeAnswerKey(rt: Ragtrail, planId: string, question: { asOf?: string | undefined } & object): Promise<string> {
  const { revision } = await rt.loadPlan(planId, question.asOf);
  return JSON.stringify([planId, revision, question]);
}
