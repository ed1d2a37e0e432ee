import type { Ragtrail } from '@ragtrail/core';
import { lastWholeAnswer, wholeAnswerKey } from './last-whole-answer.js';

type AuditQuery = NonNullable<Parameters<Ragtrail['audit']>[1]>;
const keptTrails = lastWholeAnswer<Awaited<ReturnType<Ragtrail['audit']>>>();
const isCount = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);

/**
 * A page of the audit trail. The trail is folded from the plan's whole history for every page, so
 * the whole trail for the question is kept while the plan is unchanged and the next page is cut
 * from it. Offsets and limits the core would refuse go to the core, which names the field.
 */
export async function auditPage(rt: Ragtrail, planId: string, query: AuditQuery = {}): Promise<Awaited<ReturnType<Ragtrail['audit']>>> {
  const { offset = 0, limit, ...question } = query;
  if (!isCount(offset) || !isCount(limit)) return rt.audit(planId, query);
  const { total, records } = await keptTrails(rt, await wholeAnswerKey(rt, planId, question), () => rt.audit(planId, question));
  return { total, records: records.slice(offset, limit === undefined ? undefined : offset + limit) };
}
