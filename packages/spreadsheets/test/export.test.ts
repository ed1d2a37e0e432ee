import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { demoPlanIds, exportTracker, importTracker } from '../src/index.js';
import { demoRagtrail } from './demo-ragtrail.js';
import { admin, fixture, newRagtrail } from './helpers.js';
import { trackerShape } from './plan-shape.js';
import { scores } from './seed-001-expected.js';

describe('exporting the tracker', async () => {
  const rt = newRagtrail();
  const { planId } = await importTracker(rt, { ...fixture('tracker'), title: 'Ofsted improvement plan', organisation: 'Thurrock Council' }, admin);
  const original = trackerShape(await rt.loadPlan(planId), '2017-04', '2017-03');

  it('writes CSV in the tracker layout, one row per action, with quoted multi-line-safe cells', async () => {
    const file = await exportTracker(rt, { planId, period: '2017-04', format: 'csv' });
    expect(file.contentType).toMatch(/^text\/csv/);
    expect(file.fileName).toBe('ofsted-improvement-plan-2017-04.csv');
    const rows = parse(file.body as string, { relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(['Rory Patterson', 'Name of Reviewer']);
    expect(rows[1]).toEqual(['28.4.17', 'Date of Review']);
    const header = rows.findIndex((r) => r[0] === 'No.');
    expect(rows[header]!.slice(0, 6)).toEqual(['No.', 'Recommendation', 'Assigned Lead - Job Title/Name', 'Score - please select', 'Update April 17', 'Direction of Travel compared to last review - please select']);
    const body = rows.slice(header + 1, header + 17);
    expect(body.map((r) => r[0])).toEqual(Array.from({ length: 16 }, (_, i) => `Ofsted ${i + 1}`));
    expect(body[12]!.slice(3, 6)).toEqual(['3', '3', 'Maintained']);
  });

  it('imports its own CSV back to the same plan', async () => {
    const file = await exportTracker(rt, { planId, period: '2017-04', format: 'csv' });
    const again = await importTracker(rt, { fileName: file.fileName, content: file.body }, admin);
    expect(trackerShape(await rt.loadPlan(again.planId), '2017-04', '2017-03')).toEqual(original);
  });

  it('writes XLSX with the scheme colours on score cells and the header row frozen, and imports it back', async () => {
    const file = await exportTracker(rt, { planId, period: '2017-04', format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getRow(4).getCell(1).value).toBe('No.');
    const fillOf = (row: number, col: number) => (ws.getRow(row).getCell(col).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(ws.getRow(5).getCell(5).value).toBe(1);
    expect(fillOf(5, 5)).toBe('FF27AE60'); // Ofsted 1, score 1 "Completed"
    expect(fillOf(7, 4)).toBe('FFC0392B'); // Ofsted 3, score 3 "Not achieved"
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('Scores: 1 Completed, 2 In progress, 3 Not achieved (Ofsted recommendation tracker (1 = completed))');
    const again = await importTracker(rt, { fileName: file.fileName, content: file.body as Buffer }, admin);
    expect(trackerShape(await rt.loadPlan(again.planId), '2017-04', '2017-03')).toEqual(original);
    // Its own key to the levels is not a stray note.
    expect(again.warnings).toEqual([]);
  });
});

describe('exporting a development plan with priorities and evidence', () => {
  it.each(['csv', 'xlsx'] as const)('writes the Priority and Evidence columns and imports back to the same plan (%s)', async (format) => {
    const rt = await demoRagtrail();
    const original = trackerShape(await rt.loadPlan(demoPlanIds.developmentPlan), '2018-03', '2018-02');
    // The two items of the plan's own sheet, and the demo's monthly audits of P1.1 (March to June 2018).
    expect(original.actions.flatMap((a) => a.evidence)).toHaveLength(6);
    const file = await exportTracker(rt, { planId: demoPlanIds.developmentPlan, period: '2018-03', format });
    if (format === 'csv') {
      const rows = parse(file.body as string, { relax_column_count: true }) as string[][];
      const header = rows.find((r) => r[0] === 'No.')!;
      expect(header.slice(0, 2)).toEqual(['No.', 'Priority']);
      const evidence = rows.map((r) => r[header.indexOf('Evidence')]).filter((c) => c?.includes('<'));
      expect(evidence.join('\n')).toContain('Illustrative evidence for the demo <https://example.org/thurrock-demo/evidence/p1-1> (document, observed 2018-03-31)');
      expect(evidence.join('\n')).toContain('Illustrative evidence for the demo <https://example.org/thurrock-demo/evidence/p1-2> (document, observed 2018-03-31)');
    }
    const again = await importTracker(rt, { fileName: file.fileName, content: file.body, scheme: 'development-plan-5' }, admin);
    // A March sheet holds what March knew: the previous month's score (not its update), and evidence observed by March's end; its rows come back as imported.
    const asSheet = (shape: typeof original) => ({
      ...shape,
      actions: shape.actions.map((a) => ({
        ...a,
        previous: a.previous && { ...a.previous, update: '', source: 'imported' },
        current: a.current && { ...a.current, source: 'imported' },
        evidence: a.evidence.filter((e) => e.observedOn <= '2018-03-31'),
      })),
    });
    expect(trackerShape(await rt.loadPlan(again.planId), '2018-03', '2018-02')).toEqual(asSheet(original));
  });
});

describe('exporting a period not yet scored', () => {
  it('fills the previous scores and leaves the current blank, and that sheet imports back with a warning per unscored line', async () => {
    const rt = await demoRagtrail();
    const file = await exportTracker(rt, { planId: demoPlanIds.tracker, period: '2017-06', format: 'csv' });
    const rows = parse(file.body as string, { relax_column_count: true }) as string[][];
    const header = rows.findIndex((r) => r[0] === 'No.');
    expect(rows[header]![4]).toBe('Update June 17');
    // May's review updated three recommendations; the others' April scores were carried forward, not re-recorded.
    const updatedInMay = new Set([2, 3, 13]);
    expect(rows.slice(header + 1, header + 17).map((r) => [r[3], r[4]])).toEqual(scores.map(([n, , april]) => [updatedInMay.has(n) ? String(april) : '', '']));
    const again = await importTracker(rt, { fileName: file.fileName, content: file.body }, admin);
    expect(again.warnings.filter((w) => /has no score for 2017-06/.test(w))).toHaveLength(16);
    const plan = await rt.loadPlan(again.planId);
    expect(plan.entries.get('ofsted-13')!.get('2017-05')).toMatchObject({ score: 3 });
    expect(plan.entries.get('ofsted-13')!.get('2017-06')).toBeUndefined();
  });
});

