import type { Ragtrail } from '@ragtrail/core';
import { cut, type PageAsk } from '../http/paging.js';
import { lastWholeAnswer, wholeAnswerKey } from './last-whole-answer.js';

/** A page of the evidence answer as it goes on the wire: `{ period, actions, next, total }` already serialised, with `next` for the Link header. */
export interface EvidencePage { body: string; next: number | null; total: number }

const keptEvidence = lastWholeAnswer<Awaited<ReturnType<Ragtrail['evidence']>>>();

/**
 * The evidence is computed for every action (the core reads the log once for all of them) and kept
 * for the next page while the plan is unchanged; only a page of actions is serialised, in the
 * worker, so the event loop receives text of a bounded size.
 */
export async function evidencePage(rt: Ragtrail, planId: string, query: Parameters<Ragtrail['evidence']>[1], page: PageAsk): Promise<EvidencePage> {
  const question = query ?? {};
  const { period, actions } = await keptEvidence(rt, await wholeAnswerKey(rt, planId, question), () => rt.evidence(planId, question));
  const { rows, next, total } = cut(actions, page);
  return { body: JSON.stringify({ period, actions: rows, next, total }), next, total };
}
