import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDir, importObjectives, importSummary, importTracker } from '../src/index.js';
import { admin, fixture, newRagtrail } from './helpers.js';

const thurrock = 'Thurrock Council';
/** The development plan's actions as the package's demo holds them: 16 of them end "(Ofsted N)". */
const developmentPlanActions = () => {
  const fileName = 'development-plan-2017-19-actions.tsv';
  return { fileName, content: readFileSync(join(demoDir, fileName)) };
};
/** A later plan's sheet; the second column holds the action, the third its March 2018 score. */
const laterPlan = (...lines: string[]) => ({
  fileName: 'later-plan.tsv',
  content: Buffer.from(['No.\tAction\tUpdate March 18', ...lines].join('\n')),
  scheme: 'development-plan-5',
});

async function givenTrackers(...plans: { planId: string; organisation?: string }[]) {
  // After March 2018: the development plan's evidence is dated its review, 31 March 2018.
  const rt = newRagtrail('2018-04-10T09:00:00Z');
  for (const p of plans) await importTracker(rt, { ...fixture('tracker'), planId: p.planId, organisation: p.organisation ?? thurrock }, admin);
  return rt;
}

describe('import fills what an action carries over from an earlier plan', () => {
  it('given the tracker, when the development plan is imported with its actions, then each "(Ofsted N)" action carries that recommendation', async () => {
    const rt = await givenTrackers({ planId: 'ofsted-2016' });
    const result = await importSummary(rt, { ...fixture('summary'), periods: { previous: '2018-02', current: '2018-03' }, organisation: thurrock, planId: 'dev-2017', actions: developmentPlanActions() }, admin);
    expect(result.carryOvers).toBe(16);
    const plan = await rt.loadPlan('dev-2017');
    expect([...plan.actions.values()].find((a) => a.ref === 'P1.1')!.carriedOverFrom).toBe('Ofsted 14');
    const { recommendations, exceptions } = await rt.coverage('ofsted-2016');
    expect(recommendations.find((r) => r.ref === 'Ofsted 14')!.carriedBy).toEqual([expect.objectContaining({ planId: 'dev-2017', ref: 'P1.1' })]);
    expect(exceptions).toEqual([]);
    const { records } = await rt.outcomeAudit('dev-2017');
    expect(records[0]).toMatchObject({ type: 'CarryOverLinked', actor: admin.actor, reason: expect.stringContaining('the sheet names the recommendation each action carries') });
  });

  it('given two plans of the organisation holding "Ofsted 14", then the import is refused naming the cell, and carriesFrom settles it', async () => {
    const rt = await givenTrackers({ planId: 'ofsted-2016' }, { planId: 'ofsted-2016-copy' });
    const sheet = laterPlan('P1.1\tSecure a more stable workforce (Ofsted 14)\t3', 'P1.2\tReduce agency staff\t3');
    await expect(importTracker(rt, { ...sheet, organisation: thurrock, planId: 'later' }, admin)).rejects.toMatchObject({
      code: 'invalid', rule: 'carries-from-ambiguous', row: 2, column: 'Action', columnLetter: 'B',
      message: expect.stringMatching(/^later-plan\.tsv, row 2, column B "Action": "Ofsted 14" is a recommendation of more than one plan \(ofsted-2016, ofsted-2016-copy\): pass carriesFrom/),
    });
    expect(await rt.planExists('later')).toBe(false);
    const result = await importTracker(rt, { ...sheet, organisation: thurrock, planId: 'later', carriesFrom: 'ofsted-2016-copy' }, admin);
    expect(result.carryOvers).toBe(1);
    const { recommendations } = await rt.coverage('ofsted-2016-copy');
    expect(recommendations.find((r) => r.ref === 'Ofsted 14')!.carriedBy).toEqual([expect.objectContaining({ planId: 'later', ref: 'P1.1' })]);
  });

  it('given the tracker, when a line names a recommendation it does not hold, then nothing is written and the cell is named', async () => {
    const rt = await givenTrackers({ planId: 'ofsted-2016' });
    const sheet = laterPlan('P1.1\tWorkforce (Ofsted 14)\t3', 'P1.2\tSomething new (Ofsted 99)\t3');
    await expect(importTracker(rt, { ...sheet, organisation: thurrock, planId: 'later' }, admin)).rejects.toMatchObject({
      rule: 'carries-from-unknown', row: 3, columnLetter: 'B', message: expect.stringContaining('none has "Ofsted 99"'),
    });
    await expect(importTracker(rt, { ...sheet, organisation: thurrock, planId: 'later', carriesFrom: 'ofsted-2016' }, admin)).rejects.toMatchObject({
      rule: 'carries-from-unknown', row: 3, message: expect.stringContaining('plan ofsted-2016, but none has "Ofsted 99" (its references: Ofsted 1, Ofsted 2'),
    });
    expect(await rt.planExists('later')).toBe(false);
  });

  it('reads the reference from the description when the action does not name it, and names that cell', async () => {
    const rt = await givenTrackers({ planId: 'ofsted-2016' });
    const content = Buffer.from(['No.\tAction\tDescription of Action(s) - How\tUpdate March 18', 'P1.1\tWorkforce\tRetains Ofsted 99\t3'].join('\n'));
    await expect(importTracker(rt, { fileName: 'later-plan.tsv', content, scheme: 'development-plan-5', organisation: thurrock, carriesFrom: 'ofsted-2016' }, admin))
      .rejects.toMatchObject({ rule: 'carries-from-unknown', row: 2, column: 'Description of Action(s) - How', columnLetter: 'C' });
  });

  it('warns when carriesFrom is given to a summary without actions', async () => {
    const rt = await givenTrackers({ planId: 'ofsted-2016' });
    const result = await importSummary(rt, { ...fixture('summary'), periods: { previous: '2018-02', current: '2018-03' }, carriesFrom: 'ofsted-2016' }, admin);
    expect(result.warnings).toContain('development-plan-rag-summary.tsv: no action names an Ofsted recommendation ("Ofsted N"), so nothing carries from ofsted-2016');
  });

  it('refuses carriesFrom naming no plan, naming the option', async () => {
    const rt = await givenTrackers({ planId: 'ofsted-2016' });
    await expect(importTracker(rt, { ...laterPlan('P1.1\tWorkforce (Ofsted 14)\t3'), carriesFrom: 'nope' }, admin)).rejects.toMatchObject({ code: 'not-found', field: 'carriesFrom', message: expect.stringContaining('No plan nope') });
  });

  it('given no plan of the organisation holds the references yet, then the plan imports with a warning and no links', async () => {
    const rt = await givenTrackers({ planId: 'essex-2016', organisation: 'Essex County Council' });
    const result = await importTracker(rt, { ...laterPlan('P1.1\tWorkforce (Ofsted 14)\t3', 'P1.2\tMASH (Ofsted 2)\t3'), organisation: thurrock, planId: 'later' }, admin);
    expect(result.carryOvers).toBeUndefined();
    expect(result.warnings).toContain('later-plan.tsv: rows 2 (Ofsted 14), 3 (Ofsted 2) name Ofsted recommendations, but any plan of Thurrock Council holds none of them yet; import the plan that holds them first, or link each action later with `ragtrail carry`');
    expect((await rt.outcomeAudit('later')).total).toBe(0);
  });

  it("does not take a tracker's own references for carry-overs", async () => {
    const rt = await givenTrackers({ planId: 'ofsted-2016' });
    const result = await importTracker(rt, { ...fixture('tracker'), organisation: thurrock, planId: 'ofsted-2016-again', carriesFrom: 'ofsted-2016' }, admin);
    expect(result.carryOvers).toBeUndefined();
    expect(result.warnings).toContain('ofsted-tracker-april-2017.tsv: no action names an Ofsted recommendation ("Ofsted N"), so nothing carries from ofsted-2016');
  });

  it('refuses carriesFrom on an objectives plan, which names no recommendations', async () => {
    await expect(importObjectives(newRagtrail(), { ...fixture('objectives'), carriesFrom: 'ofsted-2016' }, admin)).rejects.toMatchObject({ field: 'carriesFrom', rule: 'carries-from-layout' });
  });
});
