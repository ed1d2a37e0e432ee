import { planStateToJson, type PlanState, type PlanStateJson } from '@ragtrail/core';
import { windowOf, type PageAsk } from './paging.js';

/** `GET /api/plans/:planId` as it goes on the wire: the plan's state with one page of its actions, and where the next page starts. */
export type PlanStatePage = PlanStateJson & { next: number | null; total: number };

/**
 * The plan's state with a page of its actions: the plan's own fields, priorities, reviews and
 * imported figures whole (they grow with the periods and priorities, not the actions), and the
 * actions in `actionOrder` from position `after + 1`, at most `limit`, each with its entries and
 * evidence, so a page is a valid state of its own (`planStateFromJson` reads it) and the pages'
 * `actions`, `entries`, `evidence` and `actionOrder` join into the whole plan's. `total` counts the
 * plan's actions. Only the page's actions are converted, never the whole plan.
 */
export function planStatePage(state: PlanState, ask: PageAsk): PlanStatePage {
  const w = windowOf(state.actionOrder.length, ask);
  const actionOrder = state.actionOrder.slice(w.from, w.to);
  const only = <V>(map: ReadonlyMap<string, V>): Map<string, V> => {
    const out = new Map<string, V>();
    for (const id of actionOrder) {
      const v = map.get(id);
      if (v !== undefined) out.set(id, v);
    }
    return out;
  };
  const whole = w.from === 0 && w.to === state.actionOrder.length;
  const page = whole ? state : { ...state, actionOrder, actions: only(state.actions), entries: only(state.entries), evidence: only(state.evidence) };
  return { ...planStateToJson(page), next: w.next, total: w.total };
}
