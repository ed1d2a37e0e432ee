import type { Actor } from '../access/roles.js';
import type { Ragtrail } from '../ragtrail/ragtrail.js';

// A plan seeded through the facade, as a front end would build it: shared by the tests of the
// core, the terminal and anyone embedding the library who wants a realistic plan to query.

/** The admin `seedPlan` creates the plan as; use it to issue further admin commands on the seeded plan. */
export const admin: Actor = { id: 'cli:ann-admin', name: 'Ann Admin', role: 'admin' };
/** The officer `seedPlan` records entries as; use it to record more entries on the seeded plan. */
export const officer: Actor = { id: 'cli:iqbal-vaza', name: 'Iqbal Vaza', role: 'officer' };
/** The reviewer `seedPlan` opens its reviews as; use it to open further reviews on the seeded plan. */
export const reviewer: Actor = { id: 'cli:rory-patterson', name: 'Rory Patterson', role: 'reviewer' };
/** The board member `seedPlan` signs off April as; use it to sign off further reviews on the seeded plan. */
export const board: Actor = { id: 'cli:chief-executive', name: 'Chief Executive', role: 'board' };

/** A small development plan: two priorities, three actions, April signed off, May open. */
export async function seedPlan(rt: Ragtrail, planId = 'dev-plan'): Promise<string> {
  await rt.createPlan({ planId, title: 'Development Plan 2017-19', organisation: 'Thurrock Council' }, { actor: admin });
  await rt.execute(planId, 'AddPriority', { number: 1, title: 'Workforce' }, { actor: admin });
  await rt.execute(planId, 'AddPriority', { number: 2, title: 'Early help' }, { actor: admin });
  await rt.execute(planId, 'AddAction', { ref: 'P1.1', priorityId: 'p1', title: 'Reduce agency social workers', dueDate: '2018-12-31' }, { actor: admin });
  await rt.execute(planId, 'AddAction', { ref: 'P1.2', priorityId: 'p1', title: 'Supervision compliance' }, { actor: admin });
  await rt.execute(planId, 'AddAction', { ref: 'P2.1', priorityId: 'p2', title: 'Front door thresholds' }, { actor: admin });
  await rt.execute(planId, 'OpenReview', { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, { actor: reviewer });
  await rt.execute(planId, 'RecordEntry', { action: 'P1.1', period: '2017-04', score: 2, update: 'Agency staff 60' }, { actor: officer });
  await rt.execute(planId, 'RecordEntry', { action: 'P1.2', period: '2017-04', score: 3, update: 'Supervision 85%' }, { actor: officer });
  await rt.execute(planId, 'RecordEntry', { action: 'P2.1', period: '2017-04', score: 1, update: 'Not started' }, { actor: officer });
  await rt.execute(planId, 'SignOffReview', { period: '2017-04' }, { actor: board });
  await rt.execute(planId, 'OpenReview', { period: '2017-05', reviewer: 'Rory Patterson', reviewDate: '2017-05-26' }, { actor: reviewer });
  await rt.execute(planId, 'RecordEntry', { action: 'P1.1', period: '2017-05', score: 3, update: 'Agency staff 39', direction: 'Improving' }, { actor: officer, reason: 'Recruitment drive landed' });
  return planId;
}

/** A clock that moves a minute per call, so recorded times differ and time travel has dates to jump to. */
export function steppingClock(start = '2017-04-01T09:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 60_000));
}

