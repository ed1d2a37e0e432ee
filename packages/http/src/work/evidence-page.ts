import type { Ragtrail } from '@ragtrail/core';
import { cut, type PageAsk } from '../http/paging.js';

/** A page of the evidence answer as it goes on the wire: `{ period, actions, next, total }` already serialised, with `next` for the Link header. */
export interface EvidencePage { body: string; next: number | null; total: number }

/**
 * The evidence is computed for every action (the core reads the log once for all of them); only a
 * page of actions is serialised, in the worker, so the event loop receives text of a bounded size.
 */
export async function evidencePage(rt: Ragtrail, planId: string, query: Parameters<Ragtrail['evidence']>[1], page: PageAsk): Promise<EvidencePage> {
  const { period, actions } = await rt.evidence(planId, query);
  const { rows, next, total } = cut(actions, page);
  return { body: JSON.stringify({ period, actions: rows, next, total }), next, total };
}
