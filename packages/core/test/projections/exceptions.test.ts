import { describe, expect, it } from 'vitest';
import { exceptions } from '../../src/index.js';
import { foldPlan } from '../../src/internal.js';
import { asRecorded } from '../../src/testing/index.js';
import { actionAdded, entryRecorded, planCreated, priorityAdded, reviewOpened, trackerPlanCreated } from '../fixtures.js';

const kinds = (events: Parameters<typeof asRecorded>[0], period: string) =>
  exceptions(foldPlan(asRecorded(events)), period).map((e) => [e.kind, e.ref]);

describe('exceptions a board looks at first', () => {
  it('flags an action at the worst level and one whose scores declined, through the plan scheme', () => {
    const plan = [planCreated(), priorityAdded(1), actionAdded('P1.1'), actionAdded('P1.2'), reviewOpened('2017-03'), reviewOpened('2017-04')];
    expect(kinds([
      ...plan,
      entryRecorded('p1-1', '2017-03', 2), entryRecorded('p1-2', '2017-03', 3),
      entryRecorded('p1-1', '2017-04', 1, 2, { derivedDirection: 'Declining' }), entryRecorded('p1-2', '2017-04', 3, 3, { derivedDirection: 'Maintained' }),
    ], '2017-04')).toEqual([['worst-level', 'P1.1'], ['declining', 'P1.1']]);
  });

  it('on a lower-is-better tracker the worst level is the highest score', () => {
    const plan = [trackerPlanCreated(), actionAdded('Ofsted 1', null), actionAdded('Ofsted 2', null), reviewOpened('2017-04')];
    expect(kinds([...plan, entryRecorded('ofsted-1', '2017-04', 3), entryRecorded('ofsted-2', '2017-04', 1)], '2017-04')).toEqual([['worst-level', 'Ofsted 1']]);
  });

  it('flags an action with no update this period, saying where its carried score comes from', () => {
    const plan = [planCreated(), priorityAdded(1), actionAdded('P1.1'), reviewOpened('2017-03'), reviewOpened('2017-04'), entryRecorded('p1-1', '2017-03', 3)];
    const [flag] = exceptions(foldPlan(asRecorded(plan)), '2017-04');
    expect(flag).toMatchObject({ kind: 'not-updated', ref: 'P1.1', score: 3 });
    expect(flag!.message).toContain('its last score is from March 2017');
  });
});
