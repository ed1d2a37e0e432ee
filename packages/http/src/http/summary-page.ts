import type { RagSummary } from '@ragtrail/core';
import { windowOf, type PageAsk } from './paging.js';

/**
 * The summary with a page of its action rows: the rows of every priority numbered as one list, in
 * the order the priorities list them; each priority keeps its figures (means, lowest, counts,
 * direction) and the overall figures stay whole, and holds only its rows inside the page.
 * `total` counts every action row.
 */
export function summaryPage(summary: RagSummary, ask: PageAsk): RagSummary & { next: number | null; total: number } {
  const w = windowOf(summary.priorities.reduce((n, p) => n + p.actions.length, 0), ask);
  let start = 0;
  const priorities = summary.priorities.map((p) => {
    const actions = p.actions.slice(Math.max(0, w.from - start), Math.max(0, w.to - start));
    start += p.actions.length;
    return actions.length === p.actions.length ? p : { ...p, actions };
  });
  return { ...summary, priorities, next: w.next, total: w.total };
}
