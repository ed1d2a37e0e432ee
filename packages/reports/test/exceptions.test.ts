import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { seedNeetObjective as neet } from '@ragtrail/core/testing';
import { exceptionLine, exceptionSentences, type BoardModel } from '../src/model.js';
import { renderBoardReport, renderScrutinyReport } from '../src/index.js';

/** The report's exception sentences for a list of exceptions, as the core might answer them. */
const sentences = (exceptions: BoardModel['exceptions']) => exceptionSentences({ exceptions, summary: { previousPeriod: '2026-02' } as BoardModel['summary'] });

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
