import { describe, expect, it } from 'vitest';
import { importTracker } from '../src/index.js';
import { admin, fixture, newRagtrail, reportOriginalsAbsent, sources } from './helpers.js';
import { recommendations, scores as expected } from './seed-001-expected.js';


describe.each(sources('tracker').map((source) => ({ source, fileName: source.fileName })))('importing the Ofsted recommendation tracker ($fileName, tab-separated)', async ({ source }) => {
  const rt = newRagtrail();
  const result = await importTracker(rt, { ...source, title: 'Ofsted improvement plan', organisation: 'Thurrock Council' }, admin);
  const plan = await rt.loadPlan(result.planId);

  it('creates one action per recommendation, Ofsted 1 to Ofsted 16, under the shipped three-level scheme', () => {
    expect(plan.scheme.id).toBe('ofsted-tracker-3');
    expect(plan.actionOrder.map((id) => plan.actions.get(id)!.ref)).toEqual(expected.map(([n]) => `Ofsted ${n}`));
  });

  it('records the reviewer and review date from the preamble for April 2017, and an earlier review for March', () => {
    expect(plan.reviews.get('2017-04')).toMatchObject({ reviewer: 'Rory Patterson', reviewDate: '2017-04-28', status: 'open' });
    expect(plan.reviews.get('2017-03')?.reviewer).toMatch(/not named/i);
  });

  it.each(expected)('Ofsted %i: score %i before, %i in April 2017, direction as stated (%s)', (n, before, after, direction) => {
    const action = [...plan.actions.values()].find((a) => a.ref === `Ofsted ${n}`)!;
    const entries = plan.entries.get(action.actionId)!;
    expect(entries.get('2017-03')).toMatchObject({ score: before, source: 'imported', statedDirection: null });
    expect(entries.get('2017-04')).toMatchObject({ score: after, source: 'imported', statedDirection: direction, derivedDirection: 'Maintained' });
  });

  it.each(recommendations)('Ofsted %i: title and lead (name, job title) as the tracker states them', (n, title, name, jobTitle) => {
    const action = [...plan.actions.values()].find((a) => a.ref === `Ofsted ${n}`)!;
    expect(action.title).toBe(title);
    expect(action.lead).toEqual({ name, jobTitle });
  });

  it('keeps the stated "Improving" beside the scores\' "Maintained" with an honest reason', () => {
    const entry = plan.entries.get('ofsted-1')!.get('2017-04')!;
    expect(entry.reason).toContain(`Imported from ${source.fileName}`);
  });

  it('splits leads into name and job title where the cell allows', () => {
    expect(plan.actions.get('ofsted-1')!.lead).toEqual({ name: 'Iqbal Vaza', jobTitle: 'Strategic Lead I Performance, Quality & Business Support I HR,OD & Transformation' });
    expect(plan.actions.get('ofsted-8')!.lead).toEqual({ name: 'Keeley Pullen', jobTitle: 'Head of the Virtual School' });
    expect(plan.actions.get('ofsted-14')!.lead).toEqual({ name: 'Andrew Carter', jobTitle: "Head of Children's Social Care" });
    // Two people with two roles: kept whole rather than pinning one title on both.
    expect(plan.actions.get('ofsted-9')!.lead).toEqual({ name: 'Paul Coke, Service Manager, Children Looked After & Andrews Osei, Service Manager, Fostering, Adoption and Placements', jobTitle: '' });
  });

  it('splits "A) ... B) ..." into sub-actions and keeps owners and by-when text', () => {
    const a1 = plan.actions.get('ofsted-1')!;
    expect(a1.subActions.map((s) => s.label)).toEqual(['A', 'B', 'C']);
    expect(a1.subActions[2]!.text).toBe('Review structure of Data and Performance Team to maximise effectiveness.');
    expect(plan.actions.get('ofsted-2')!.subActions).toHaveLength(5);
    expect(plan.actions.get('ofsted-10')!.subActions).toEqual([]);
    expect(a1.owners).toEqual(["Director of Children's Services"]);
    expect(plan.actions.get('ofsted-12')!.dueText).toBe('Sept 16 & June 17');
    expect(plan.entries.get('ofsted-12')!.get('2017-04')!.update).toBe('Sept 16 & June 17');
  });

  it('skips the notes after the table with a warning, and counts the events written', async () => {
    expect(result.warnings.some((w) => /Sheet Complete/.test(w))).toBe(true);
    expect(result.events).toBe((await rt.history(result.planId)).length);
  });
});

reportOriginalsAbsent('tracker');

describe('progress of a long import', () => {
  it('reports rows worked through, rising to the total, twice per recommendation (actions, then scores)', async () => {
    const calls: [number, number][] = [];
    await importTracker(newRagtrail(), fixture('tracker'), admin, (done, total) => calls.push([done, total]));
    expect(calls).toHaveLength(32);
    expect(calls.every(([, total]) => total === 32)).toBe(true);
    expect(calls.map(([done]) => done)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });
});

describe('"By When (date)" holding a deadline rather than progress notes', () => {
  it('keeps a bare date as the due date and records no update, but keeps notes as the update', async () => {
    const rt = newRagtrail();
    const header = 'No.\tRecommendation\tAssigned Lead - Job Title/Name\tScore - please select\tUpdate April 17\tDirection of Travel\tOwner(s) - Who\tBy When (date)';
    const content = [header, '1\tData\tAnn Lead, Head of Data\t2\t2\tMaintained\tDCS\tMarch 2019', '2\tEarly help\tBob Lead, Head of Help\t2\t1\tImproving\tDCS\tA and B done.'].join('\n');
    const { planId } = await importTracker(rt, { fileName: 'deadlines.tsv', content }, admin);
    const plan = await rt.loadPlan(planId);
    expect(plan.actions.get('ofsted-1')).toMatchObject({ dueText: 'March 2019', dueDate: '2019-03-31' });
    expect(plan.entries.get('ofsted-1')!.get('2017-04')!.update).toBe('');
    expect(plan.entries.get('ofsted-2')!.get('2017-04')!.update).toBe('A and B done.');
  });
});
