import { DomainError, type Ragtrail } from '@ragtrail/core';
import { normaliseAsOf } from '@ragtrail/core/internal';

/**
 * The one instant a report reads the log at. Every section (summary, exceptions, indicators,
 * milestones, coverage, evidence, checkpoint) is read "as of" it, so the body never mixes a plan
 * as it stood at one moment with outcomes or other plans as they stand later, and the header can
 * name the moment the body shows.
 *
 * With an as-of, it is that instant (normalised: a bare date is the end of the day). Without, it
 * is fixed once at the start of the render: the latest recorded time across what the report reads
 * now, that is the plan's stream, its outcome stream, and the streams of every plan the coverage
 * section names (plans it carries recommendations from and plans carrying them), each with its
 * outcome stream. Read as of that instant, each of those streams is exactly as it stands, so the
 * report is as current as the log; and since later appends are stamped no earlier, a render as of
 * the instant the header names gives the same bytes, however much has been recorded since.
 */
export async function reportInstant(rt: Ragtrail, planId: string, asOf?: string): Promise<string> {
  if (asOf !== undefined) return normaliseAsOf(asOf);
  const own = await rt.loadPlan(planId);
  const plans = new Set<string>();
  for (const row of (await rt.coverageView(planId)).rows) {
    plans.add(row.fromPlanId);
    for (const c of row.recommendation.carriedBy) plans.add(c.planId);
  }
  plans.delete(planId);
  let latest = own.lastRecordedAt ?? '';
  const note = (t: string | null | undefined) => void (t && t > latest && (latest = t));
  note(await rt.lastRecordedAt(planId));
  // The coverage skips a plan it cannot load (archived); so does the instant.
  for (const id of [...plans].sort()) note(await skipMissing(rt.lastRecordedAt(id)));
  return latest;
}

async function skipMissing<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') return null;
    throw error;
  }
}
