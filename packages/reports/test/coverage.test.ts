import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { actors } from '@ragtrail/core/testing';
import { renderBoardReport, renderEvidencePack } from '../src/index.js';
import { as, boardFixture } from './fixture.js';

/** The board fixture's plan carries the first of two recommendations of an earlier inspection plan. */
async function carried() {
  const f = await boardFixture();
  f.clock.set('2026-04-01T09:00:00.000Z');
  await f.rt.createPlan({ planId: 'ofsted-2016', title: 'Ofsted SIF tracker', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, as(actors.admin));
  await f.rt.execute('ofsted-2016', 'AddAction', { ref: 'Ofsted 1', title: 'Board oversight of performance' }, as(actors.admin));
  const before = await f.rt.execute('ofsted-2016', 'AddAction', { ref: 'Ofsted 2', title: 'Improve management oversight' }, as(actors.admin));
  f.clock.set('2026-04-02T09:00:00.000Z');
  await f.rt.executeOutcome(f.planId, 'LinkCarryOver', { action: '1.1', fromPlan: 'ofsted-2016', fromReference: 'Ofsted 1' }, as(actors.reviewer, 'Board oversight carried into the improvement plan'));
  return { ...f, beforeLink: before.events.at(-1)!.recordedAt };
}

const rowOne = '| ofsted-2016 Ofsted 1 Board oversight of performance | thurrock 1.1 | 4 Blue (2026-03) | Improving | Open | 1 evidence item |';
const rowTwo = '| ofsted-2016 Ofsted 2 Improve management oversight | carried by no action | – | – | Open: exception | 0 evidence items |';
const exception = '- ofsted-2016: Ofsted 2 "Improve management oversight" is carried by no action in a later plan';

describe('coverage of recommendations', () => {
  it('the later plan’s board report lists each recommendation it carries from, what carries it, and the uncarried one as an exception', async () => {
    const { rt, planId } = await carried();
    const md = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'md' })).body);
    expect(md).toContain('## Coverage of recommendations');
    expect(md).toContain(rowOne);
    expect(md).toContain(rowTwo);
    expect(md).toContain(exception);
    expect(md.indexOf('## Coverage of recommendations')).toBeLessThan(md.indexOf('## Priority 1'));
  });

  it('the inspection plan’s own reports and the evidence pack show the same coverage in md, html and xlsx', async () => {
    const { rt, planId } = await carried();
    const own = String((await renderBoardReport(rt, { planId: 'ofsted-2016', format: 'md' })).body);
    expect(own).toContain(rowOne);
    expect(own).toContain(exception);
    const html = String((await renderEvidencePack(rt, { planId, period: '2026-03', format: 'html' })).body);
    expect(html).toContain('<tr><th scope="row">ofsted-2016 Ofsted 1 Board oversight of performance</th><td>thurrock 1.1</td><td>4 Blue (2026-03)</td><td>Improving</td><td>Open</td><td>1 evidence item</td></tr>');
    expect(html).toContain('<li>ofsted-2016: Ofsted 2 &quot;Improve management oversight&quot; is carried by no action in a later plan</li>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderEvidencePack(rt, { planId, period: '2026-03', format: 'xlsx' })).body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Coverage')!;
    const first = sheet.getRow(2);
    expect(first.values).toEqual([undefined, 'ofsted-2016', 'Ofsted 1', 'Board oversight of performance', 'thurrock', '1.1', 4, 'Blue', '2026-03', 'Improving', 'no', 'Open', '', '', 1]);
    expect(first.getCell(6).numFmt).toBe('0');
    expect(sheet.getRow(3).getCell(12).value).toBe('Ofsted 2 "Improve management oversight" is carried by no action in a later plan');
  });

  it('as known before the link, the report says nothing is carried; a plan created later is not asked about', async () => {
    const { rt, planId, beforeLink } = await carried();
    const md = String((await renderBoardReport(rt, { planId, period: '2026-03', asOf: beforeLink, format: 'md' })).body);
    expect(md).toContain('No later plan carries a recommendation of this plan, and this plan carries none from an earlier plan.');
    const early = String((await renderBoardReport(rt, { planId, period: '2026-03', asOf: '2026-03-27T10:00:00.000Z', format: 'md' })).body);
    expect(early).not.toContain('ofsted-2016');
  });

  it('as of the moment a report with coverage was made, the same bytes, whatever was linked since', async () => {
    const { rt, planId, clock } = await carried();
    const made = '2026-04-02T09:00:00.000Z';
    const before = await renderBoardReport(rt, { planId, period: '2026-03', format: 'html' });
    clock.set('2026-04-03T09:00:00.000Z');
    await rt.executeOutcome(planId, 'LinkCarryOver', { action: '2.1', fromPlan: 'ofsted-2016', fromReference: 'Ofsted 2' }, as(actors.reviewer, 'Oversight carried too'));
    const later = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'html' })).body);
    expect(later).toContain('<td>thurrock 2.1</td><td>1 Red (2026-03)</td><td>Declining</td><td>Open</td><td>0 evidence items</td></tr>');
    expect(later).not.toEqual(before.body);
    expect((await renderBoardReport(rt, { planId, period: '2026-03', asOf: made, format: 'html' })).body).toEqual(before.body);
  });

  it('names the indicators linked to what carries a recommendation, with their direction, beside the evidence count', async () => {
    const { rt, planId, clock } = await carried();
    clock.set('2026-04-03T09:00:00.000Z');
    await rt.executeOutcome(planId, 'DefineIndicator', { indicatorId: 'agency', name: 'Agency social workers', unit: 'count', better: 'lower', decimals: 0, actions: ['1.1'] }, as(actors.admin));
    await rt.executeOutcome(planId, 'RecordIndicatorValue', { indicator: 'agency', period: '2026-02', value: 60 }, as(actors.officer));
    await rt.executeOutcome(planId, 'RecordIndicatorValue', { indicator: 'agency', period: '2026-03', value: 39 }, as(actors.officer));
    const md = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'md' })).body);
    expect(md).toContain('| Open | Agency social workers (improving); 1 evidence item |');
  });
});
