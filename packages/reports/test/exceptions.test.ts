import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createMemoryStore, createRagtrail, type Ragtrail } from '@ragtrail/core';
import { admin, officer, reviewer, steppingClock } from '@ragtrail/core/testing';
import { exceptionLine, exceptionSentences, type BoardModel } from '../src/model.js';
import { renderBoardReport, renderScrutinyReport } from '../src/index.js';

/** The report's exception sentences for a list of exceptions, as the core might answer them. */
const sentences = (exceptions: BoardModel['exceptions']) => exceptionSentences({ exceptions, summary: { previousPeriod: '2026-02' } as BoardModel['summary'] });

/** The Children and Young People's Plan shape: NEET at 6.8% in March 2013 against a milestone and target of 6.2%. */
async function neet(): Promise<Ragtrail> {
  const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock('2013-01-01T09:00:00.000Z') });
  await rt.createPlan({ planId: 'cypp', title: "Children and Young People's Plan", organisation: 'Thurrock Council' }, { actor: admin });
  await rt.execute('cypp', 'AddPriority', { number: 1, title: 'Skills' }, { actor: admin });
  await rt.execute('cypp', 'AddAction', { ref: 'O1', priorityId: 'p1', title: 'Reduce NEET', dueDate: '2014-12-31', milestones: [{ text: '6.2% of 16-18 year olds NEET by March 2013', dueDate: '2013-03-31', dueText: 'March 2013' }] }, { actor: admin });
  await rt.execute('cypp', 'OpenReview', { period: '2013-04', reviewer: 'Rory Patterson', reviewDate: '2013-04-28' }, { actor: reviewer });
  await rt.execute('cypp', 'RecordEntry', { action: 'O1', period: '2013-04', score: 2, update: 'Behind trajectory' }, { actor: officer });
  await rt.executeOutcome('cypp', 'DefineIndicator', { indicatorId: 'neet', name: 'NEET 16-18', unit: '%', better: 'lower', decimals: 1, source: 'Connexions', priorities: ['p1'] }, { actor: admin });
  await rt.executeOutcome('cypp', 'LinkMilestone', { action: 'O1', milestone: 1, indicator: 'neet', value: 6.2 }, { actor: reviewer });
  await rt.executeOutcome('cypp', 'SetIndicatorTarget', { indicator: 'neet', by: '2013-03', value: 6.2, tolerance: 0.3 }, { actor: reviewer });
  await rt.executeOutcome('cypp', 'RecordIndicatorValue', { indicator: 'neet', period: '2013-03', value: 6.8, source: 'Connexions March return' }, { actor: officer });
  return rt;
}

describe('exceptions in the report', () => {
  it('groups the actions’ exceptions, then the outcomes’, then any kind the report has no sentence for, in words', () => {
    const groups = sentences([
      { kind: 'future-kind', message: 'Something the core learns to say later' },
      { kind: 'off-target', message: 'Agency social workers: 60 in 2016-03, off target (39)' },
      { kind: 'declining', message: '2.1 declined from 3 to 1', title: 'Timely MASH decisions' },
      { kind: 'milestone', message: '1.1 milestone 2 was due on 2026-02-28 and is not met' },
    ]);
    expect(groups.map((g) => [g.heading, g.items.map(exceptionLine)])).toEqual([
      ['One action declined since February 2026:', ['2.1 declined from 3 to 1 (Timely MASH decisions)']],
      ['One indicator is off target:', ['Agency social workers: 60 in 2016-03, off target (39)']],
      ['One milestone is overdue or missed:', ['1.1 milestone 2 was due on 2026-02-28 and is not met']],
      ['One future kind exception:', ['Something the core learns to say later']],
    ]);
  });

  it('the board report lists the plan’s outcome exceptions from the core beside the actions’', async () => {
    const rt = await neet();
    const md = String((await renderBoardReport(rt, { planId: 'cypp', period: '2013-04', format: 'md' })).body);
    const section = md.slice(md.indexOf('## Exceptions'), md.indexOf('## Coverage'));
    expect(section).toMatch(/One indicator is off target:\n\n- NEET 16-18: 6\.8%/);
    expect(section).toMatch(/One milestone is overdue or missed:\n\n- NEET 16-18: 6\.8% in March 2013 against a milestone of 6\.2%/);
  });

  it('the scrutiny workbook’s milestone due dates are dates', async () => {
    const rt = await neet();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderScrutinyReport(rt, { planId: 'cypp', period: '2013-04', format: 'xlsx' })).body as unknown as ArrayBuffer);
    const due = wb.getWorksheet('Milestones')!.getRow(2).getCell(4);
    expect([due.value, due.numFmt]).toEqual([new Date('2013-03-31T00:00:00.000Z'), 'yyyy-mm-dd']);
  });
});
