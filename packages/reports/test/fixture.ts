import { createMemoryStore, createRagtrail, type EventStore, type Ragtrail } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';

/** A clock the test moves by hand, so recorded times (and so reports) are the same on every run. */
export function manualClock(start: string) {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), set: (iso: string) => void (t = new Date(iso).getTime()) };
}

export const as = (actor: (typeof actors)[keyof typeof actors], reason?: string) => ({ actor, ...(reason ? { reason } : {}) });

/** A two-priority plan scored over February and March 2026, March signed off (held periods for removal: 3, or as given). */
export async function boardFixture(options: { sustainPeriods?: number } = {}): Promise<{ rt: Ragtrail; store: EventStore; clock: ReturnType<typeof manualClock>; planId: string }> {
  const clock = manualClock('2026-01-05T09:00:00.000Z');
  const store = createMemoryStore();
  const rt = createRagtrail({ store, now: clock.now });
  const planId = 'thurrock';
  await rt.createPlan({ planId, title: 'Children’s Services Improvement Plan', organisation: 'Thurrock Council', scheme: 'development-plan-5', ...(options.sustainPeriods ? { sustainPeriods: options.sustainPeriods } : {}) }, as(actors.admin));
  await rt.execute(planId, 'AddPriority', { priorityId: 'p1', number: 1, title: 'Leadership & governance' }, as(actors.admin));
  await rt.execute(planId, 'AddPriority', { priorityId: 'p2', number: 2, title: 'Front door <MASH>' }, as(actors.admin));
  const action = (actionId: string, ref: string, priorityId: string, title: string, owner: string) =>
    rt.execute(planId, 'AddAction', { actionId, ref, priorityId, title, owners: [owner], dueDate: '2026-12-31' }, as(actors.admin));
  await action('a1', '1.1', 'p1', 'Board reviews performance monthly', 'Director of Children’s Services');
  await action('a2', '1.2', 'p1', 'Scrutiny of audit findings', 'Head of Quality');
  await action('a3', '2.1', 'p2', 'Timely MASH decisions', 'MASH manager');
  await action('a4', '2.2', 'p2', 'Thresholds applied consistently', 'Service manager');
  clock.set('2026-02-27T10:00:00.000Z');
  await rt.execute(planId, 'OpenReview', { period: '2026-02', reviewer: 'Rory Patterson', reviewDate: '2026-02-27' }, as(actors.reviewer));
  const entry = (action: string, period: string, score: number, update: string, direction: 'Improving' | 'Maintained' | 'Declining' | null) =>
    rt.execute(planId, 'RecordEntry', { action, period, score, update, direction }, as(actors.officer, `Scored at the ${period} review`));
  await entry('a1', '2026-02', 3, 'Monthly board in place.', null);
  await entry('a2', '2026-02', 3, 'Audit programme agreed.', null);
  await entry('a3', '2026-02', 3, 'Decisions within 24 hours in 90% of cases.', null);
  await entry('a4', '2026-02', 2, 'Threshold guidance drafted.', null);
  await rt.execute(planId, 'SignOffReview', { period: '2026-02' }, as(actors.board));
  clock.set('2026-03-27T10:00:00.000Z');
  await rt.execute(planId, 'OpenReview', { period: '2026-03', reviewer: 'Rory Patterson', reviewDate: '2026-03-27' }, as(actors.reviewer));
  await rt.execute(planId, 'AttachEvidence', { action: 'a1', title: 'Board minutes March', kind: 'document', observedOn: '2026-03-20', link: 'https://example.org/minutes-march.pdf' }, as(actors.officer));
  await entry('a1', '2026-03', 4, 'Board now reviews a dashboard | with exceptions.', 'Improving');
  await entry('a2', '2026-03', 2, 'Two audits slipped.', 'Improving');
  await entry('a3', '2026-03', 1, 'Staff shortages delayed decisions.', 'Declining');
  await entry('a4', '2026-03', 2, 'Guidance out for consultation.', 'Maintained');
  await rt.execute(planId, 'SignOffReview', { period: '2026-03' }, as(actors.board));
  return { rt, store, clock, planId };
}
