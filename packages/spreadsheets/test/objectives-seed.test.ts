import { describe, expect, it } from 'vitest';
import { importObjectives, splitMilestones } from '../src/index.js';
import { admin, newRagtrail, seed } from './helpers.js';

describe("importing the Children and Young People's Plan objectives (seed 004)", async () => {
  const rt = newRagtrail();
  const result = await importObjectives(rt, { ...seed('004'), title: "Children and Young People's Plan 2013-2016", organisation: 'Thurrock Council' }, admin);
  const plan = await rt.loadPlan(result.planId);
  const under = (n: number) => plan.actionOrder.map((id) => plan.actions[id]!).filter((a) => a.priorityId === `p${n}`);
  const objective = (title: string) => Object.values(plan.actions).find((a) => a.title.startsWith(title))!;

  it('adds the four priorities as the contents name them', () => {
    expect(Object.values(plan.priorities).sort((a, b) => a.number - b.number).map((p) => p.title)).toEqual([
      'Outstanding universal services and outcomes',
      'Parental, family and community resilience',
      'Everyone succeeding',
      'Protection when needed',
    ]);
  });

  it('puts each objective under its priority, with "where are we now?" and "where do we want to be?"', () => {
    expect(under(1).map((a) => a.ref)).toEqual(under(1).map((_, i) => `P1.${i + 1}`));
    expect(under(1).length).toBeGreaterThanOrEqual(10);
    expect(under(3).length).toBeGreaterThanOrEqual(9);
    expect(under(4).length).toBeGreaterThanOrEqual(9);
    const schools = objective('Increase the percentage of good or better outcomes in Ofsted inspections of primary schools');
    expect(schools.priorityId).toBe('p1');
    expect(schools.baseline).toBe('The percentage of primary schools judged good or better is 49%');
    expect(schools.target).toBe('By 2016, all schools judged good or better');
    const violence = objective('Combat violence against women and girls');
    expect(violence.priorityId).toBe('p4');
    // An objective split over a page break is joined back together.
    const neet = objective('Reduce the number of young people aged 16-18 who are NEET by 0.5% per annum');
    expect(neet.baseline).toContain('31% Care Leavers are NEET');
    expect(neet.baseline).toContain('6.8% of 16-18 year olds are NEET');
    // "Aim:" lines and the glossary are not objectives.
    expect(Object.values(plan.actions).some((a) => /^Aim:|^Glossary|^ABCD$/.test(a.title))).toBe(false);
  });

  it('dates milestones where the text gives a date and keeps the words otherwise', () => {
    const places = objective('Increase our capacity to provide early-education to two-year olds');
    expect(places.milestones.slice(0, 2)).toEqual([
      { text: '400 places by September 2013', dueDate: '2013-09-30', dueText: '400 places by September 2013' },
      { text: '800 places by September 2014', dueDate: '2014-09-30', dueText: '800 places by September 2014' },
    ]);
    expect(places.milestones[2]).toMatchObject({ dueDate: null, text: expect.stringMatching(/^Sustain capacity/) });
    const hubs = objective('Co-produce community hubs');
    expect(hubs.milestones[1]).toEqual({ text: 'Evaluation of pathfinder 2014/15', dueDate: '2015-03-31', dueText: 'Evaluation of pathfinder 2014/15' });
  });

  it('reports what it could not place, rather than guessing', () => {
    expect(result.warnings.every((w) => w.startsWith('004_925a7ad9387a7ccc.txt row '))).toBe(true);
  });
});

describe('milestone dates', () => {
  it.each([
    ['by September 2013', '2013-09-30'],
    ['April 2014', '2014-04-30'],
    ['2014/15', '2015-03-31'],
    ['Sept 2016', '2016-09-30'],
    ['01/09/2016 reviewed', '2016-09-01'],
    ['year on year', null],
    ['2014/16', null],
  ])('"%s" -> %s', (text, date) => {
    expect(splitMilestones(text)[0]!.dueDate).toBe(date);
  });
});
