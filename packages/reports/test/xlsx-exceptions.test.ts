import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { seedNeetObjective as neet } from '@ragtrail/core/testing';
import { renderBoardReport } from '../src/index.js';
import { boardFixture } from './fixture.js';

async function sheetRows(body: string | Buffer, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no ${name} sheet in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The bullet lines of the markdown report's Exceptions section. */
const mdExceptions = (md: string): string[] => md.slice(md.indexOf('## Exceptions'), md.indexOf('## Coverage')).split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));

describe('the board workbook’s Exceptions sheet', () => {
  it('lists the actions’ exceptions one per row, in the order the markdown report lists them', async () => {
    const { rt, planId } = await boardFixture();
    const rows = await sheetRows((await renderBoardReport(rt, { planId, period: '2026-03', format: 'xlsx' })).body, 'Exceptions');
    expect(rows).toEqual([
      ['Kind', 'Subject', 'Sentence'],
      ['worst-level', '2.1 Timely MASH decisions', '2.1 is at Red (1)'],
      ['declining', '1.2 Scrutiny of audit findings', '1.2 declined from 3 to 2'],
      ['declining', '2.1 Timely MASH decisions', '2.1 declined from 3 to 1'],
      ['direction-disagrees', '1.2 Scrutiny of audit findings', '1.2 is stated as Improving but its scores show Declining (3 to 2)'],
    ]);
    const md = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'md' })).body);
    expect(mdExceptions(md)).toEqual(rows.slice(1).map(([, subject, sentence]) => `${sentence} (${String(subject).replace(/^\S+ /, '')})`));
  });

  it('lists the outcome exceptions (off-target indicators, milestones overdue or missed) as the other formats do', async () => {
    const rt = await neet();
    const rows = await sheetRows((await renderBoardReport(rt, { planId: 'cypp', period: '2013-04', format: 'xlsx' })).body, 'Exceptions');
    expect(rows.slice(1)).toEqual([
      ['off-target', 'NEET 16-18', 'NEET 16-18: 6.8% in March 2013; off target (6.2%).'],
      ['milestone', 'O1 #1 Reduce NEET', 'NEET 16-18: 6.8% in March 2013 against a milestone of 6.2%'],
    ]);
    const md = String((await renderBoardReport(rt, { planId: 'cypp', period: '2013-04', format: 'md' })).body);
    expect(mdExceptions(md)).toEqual(rows.slice(1).map(([, , sentence]) => sentence));
  });

  it('says so in one row when there are no exceptions', async () => {
    const { rt, planId } = await boardFixture();
    const rows = await sheetRows((await renderBoardReport(rt, { planId, period: '2026-02', format: 'xlsx' })).body, 'Exceptions');
    expect(rows).toEqual([['No exceptions this period.']]);
  });
});
