import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { actors } from '@ragtrail/core/testing';
import { renderBoardReport, renderEvidencePack } from '../src/index.js';
import { as, boardFixture } from './fixture.js';

async function read(body: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** Every sheet's cell values and fills, as a person opening the file sees them. */
const cells = (wb: ExcelJS.Workbook) =>
  wb.worksheets.map((ws) => {
    const rows: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void rows.push(`${c.address}=${JSON.stringify(c.value)} ${JSON.stringify(c.fill ?? null)}`)));
    return { name: ws.name, rows };
  });

describe('xlsx', () => {
  it('puts the summary and the tracker on separate sheets with RAG fills beside the numbers', async () => {
    const { rt, planId } = await boardFixture();
    const out = await renderBoardReport(rt, { planId, period: '2026-03', format: 'xlsx' });
    expect(out.fileName).toBe('thurrock-board-2026-03.xlsx');
    const wb = await read(out.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'Summary', 'Exceptions', 'Tracker', 'Coverage']);
    const tracker = wb.getWorksheet('Tracker')!;
    const red = tracker.getRow(4);
    expect(red.getCell(2).value).toBe('2.1');
    expect(red.getCell(4).value).toBe(1);
    expect(red.getCell(5).value).toBe('Red');
    expect(red.getCell(4).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFC0392B' } });
    const summary = wb.getWorksheet('Summary')!;
    expect(summary.getRow(3).getCell(4).value).toBe(1.5);
    expect(summary.getRow(3).getCell(5).value).toBe('Red');
    expect(wb.created.toISOString()).toBe('2026-03-27T10:00:00.000Z');
  });
  it('as of an earlier moment gives the same workbook, byte for byte', async () => {
    const { rt, planId, clock } = await boardFixture();
    const beforeBytes = (await renderBoardReport(rt, { planId, period: '2026-03', format: 'xlsx' })).body as Buffer;
    const before = await read(beforeBytes);
    clock.set('2026-04-02T09:00:00.000Z');
    await rt.execute(planId, 'CorrectEntry', { action: 'a3', period: '2026-03', score: 2 }, as(actors.reviewer, 'Recount'));
    const later = await read((await renderBoardReport(rt, { planId, period: '2026-03', format: 'xlsx' })).body);
    expect(cells(later)).not.toEqual(cells(before));
    const againBytes = (await renderBoardReport(rt, { planId, period: '2026-03', asOf: '2026-03-27T10:00:00.000Z', format: 'xlsx' })).body as Buffer;
    // The ZIP entries' times come from the reflected moment too, so even the bytes match.
    expect(againBytes.equals(beforeBytes)).toBe(true);
    const again = await read(againBytes);
    expect(cells(again)).toEqual(cells(before));
    expect(again.modified.toISOString()).toBe(before.modified.toISOString());
  });
  it('evidence pack workbook has one sheet per part of the pack', async () => {
    const { rt, planId } = await boardFixture();
    const wb = await read((await renderEvidencePack(rt, { planId, period: '2026-03', format: 'xlsx' })).body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'Overview', 'Coverage', 'Trajectory', 'Evidence', 'Corrections', 'Direction', 'Integrity']);
    expect(wb.getWorksheet('Integrity')!.getRow(1).getCell(1).value).toBe('Verified');
  });

  it('formats averages with one decimal, scores as whole numbers and dates as dates, read back from the written file', async () => {
    const { rt, planId, clock } = await boardFixture();
    const board = await read((await renderBoardReport(rt, { planId, period: '2026-03', format: 'xlsx' })).body);
    const leadership = board.getWorksheet('Summary')!.getRow(2);
    // Priority 1 moved from 3 to 3 (4 and 2): both averages print 3.0, as in the other formats.
    expect([leadership.getCell(2).value, leadership.getCell(2).numFmt]).toEqual([3, '0.0']);
    expect([leadership.getCell(4).value, leadership.getCell(4).numFmt]).toEqual([3, '0.0']);
    expect([leadership.getCell(6).value, leadership.getCell(6).numFmt]).toEqual([2, '0']);
    const mash = board.getWorksheet('Summary')!.getRow(3);
    expect([mash.getCell(2).value, mash.getCell(2).numFmt, mash.getCell(4).value, mash.getCell(4).numFmt]).toEqual([2.5, '0.0', 1.5, '0.0']);
    const tracker = board.getWorksheet('Tracker')!.getRow(2);
    expect([tracker.getCell(4).value, tracker.getCell(4).numFmt, tracker.getCell(6).value, tracker.getCell(6).numFmt]).toEqual([4, '0', 3, '0']);
    clock.set('2026-04-02T09:00:00.000Z');
    await rt.execute(planId, 'CorrectEntry', { action: 'a3', period: '2026-03', score: 2 }, as(actors.reviewer, 'Recount'));
    const pack = await read((await renderEvidencePack(rt, { planId, period: '2026-03', format: 'xlsx' })).body);
    const evidence = pack.getWorksheet('Evidence')!.getRow(2);
    expect(evidence.getCell(2).value).toEqual(new Date('2026-03-20T00:00:00.000Z'));
    expect(evidence.getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(evidence.getCell(7).value).toBeInstanceOf(Date);
    expect(evidence.getCell(7).numFmt).toBe('yyyy-mm-dd');
    const correction = pack.getWorksheet('Corrections')!.getRow(2);
    expect([correction.getCell(3).value, correction.getCell(3).numFmt]).toEqual([new Date('2026-04-02T09:00:00.000Z'), 'yyyy-mm-dd hh:mm:ss']);
    expect([correction.getCell(5).value, correction.getCell(5).numFmt, correction.getCell(6).value, correction.getCell(6).numFmt]).toEqual([1, '0', 2, '0']);
    const trajectory = pack.getWorksheet('Trajectory')!.getRow(2);
    expect([trajectory.getCell(4).value, trajectory.getCell(4).numFmt]).toEqual([3, '0']);
  });
});
