import { createMemoryStore } from '../store/memory-store.js';
import { createRagtrail, type Ragtrail } from '../ragtrail/ragtrail.js';
import { admin, officer, reviewer, steppingClock } from './seed-plan.js';

type Milestone = { text: string; dueDate: string; dueText: string };

/** The NEET milestone of the Children and Young People's Plan 2013-16, as the source documents set it. */
export const neetMilestone: Milestone = { text: '6.2% of 16-18 year olds NEET by March 2013', dueDate: '2013-03-31', dueText: 'March 2013' };

/**
 * The Children and Young People's Plan's shape in a fresh in-memory store: objective O1 with the
 * NEET milestone (and any others given after it) linked to a NEET indicator whose March 2013
 * value, 6.8%, misses both the milestone and the target of 6.2%, and an April 2013 review scoring O1.
 * Tests of what the plan's exceptions and reports say about outcomes start from it.
 */
export async function seedNeetObjective(otherMilestones: readonly Milestone[] = []): Promise<Ragtrail> {
  const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock('2013-01-01T09:00:00.000Z') });
  await rt.createPlan({ planId: 'cypp', title: "Children and Young People's Plan", organisation: 'Thurrock Council' }, { actor: admin });
  await rt.execute('cypp', 'AddPriority', { number: 1, title: 'Skills' }, { actor: admin });
  await rt.execute('cypp', 'AddAction', { ref: 'O1', priorityId: 'p1', title: 'Reduce NEET', dueDate: '2014-12-31', milestones: [neetMilestone, ...otherMilestones] }, { actor: admin });
  await rt.execute('cypp', 'OpenReview', { period: '2013-04', reviewer: 'Rory Patterson', reviewDate: '2013-04-28' }, { actor: reviewer });
  await rt.execute('cypp', 'RecordEntry', { action: 'O1', period: '2013-04', score: 2, update: 'Behind trajectory' }, { actor: officer });
  await rt.executeOutcome('cypp', 'DefineIndicator', { indicatorId: 'neet', name: 'NEET 16-18', unit: '%', better: 'lower', decimals: 1, source: 'Connexions', priorities: ['p1'] }, { actor: admin });
  await rt.executeOutcome('cypp', 'LinkMilestone', { action: 'O1', milestone: 1, indicator: 'neet', value: 6.2 }, { actor: reviewer });
  await rt.executeOutcome('cypp', 'SetIndicatorTarget', { indicator: 'neet', by: '2013-03', value: 6.2, tolerance: 0.3 }, { actor: reviewer });
  await rt.executeOutcome('cypp', 'RecordIndicatorValue', { indicator: 'neet', period: '2013-03', value: 6.8, source: 'Connexions March return' }, { actor: officer });
  return rt;
}
