import { describe, expect, it } from 'vitest';
import { renderBoardReport } from '../src/index.js';
import { as, boardFixture } from './fixture.js';
import { actors } from '@ragtrail/core/testing';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';

describe('board report', () => {
  it('markdown states the header, figures with labels, exceptions as sentences and each priority', async () => {
    const { rt, planId } = await boardFixture();
    const md = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'md' })).body);
    expect(md).toContain('# Improvement Board report: Children’s Services Improvement Plan');
    expect(md).toContain('- Reviewer: Rory Patterson');
    expect(md).toMatch(/Sign-off: signed off by Lyn Carpenter at 2026-03-27T10:00:00.000Z/);
    expect(md).toContain('Reflects: the log as known at 2026-03-27T10:00:00.000Z (the plan up to revision 19, last recorded 2026-03-27T10:00:00.000Z)');
    expect(md).toContain('## Priority 2: Front door \\<MASH>');
    expect(md).toContain('declined since February 2026');
    await expect(md).toMatchFileSnapshot('__snapshots__/board.md');
  });
  it('html escapes text and is self-contained', async () => {
    const { rt, planId } = await boardFixture();
    const html = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'html' })).body);
    expect(html).toContain('Front door &lt;MASH&gt;');
    expect(html).not.toMatch(/<(link|script|img)\b/);
    expect(html).toContain('@media print');
    await expect(html).toMatchFileSnapshot('__snapshots__/board.html');
  });
  it('as of an earlier moment is byte-identical to the report produced then', async () => {
    const { rt, planId, clock } = await boardFixture();
    const before = await renderBoardReport(rt, { planId, period: '2026-03', format: 'md' });
    const beforeHtml = await renderBoardReport(rt, { planId, period: '2026-03', format: 'html' });
    const moment = '2026-03-27T10:00:00.000Z';
    clock.set('2026-04-02T09:00:00.000Z');
    await rt.execute(planId, 'CorrectEntry', { action: 'a3', period: '2026-03', score: 2 }, as(actors.reviewer, 'Recount of decisions'));
    clock.set('2026-04-28T09:00:00.000Z');
    await rt.execute(planId, 'OpenReview', { period: '2026-04', reviewer: 'Someone Else', reviewDate: '2026-04-28' }, as(actors.reviewer));
    await rt.execute(planId, 'RecordEntry', { action: 'a4', period: '2026-04', score: 2 }, as(actors.officer));
    const now = await renderBoardReport(rt, { planId, period: '2026-03', format: 'md' });
    expect(now.body).not.toEqual(before.body);
    const again = await renderBoardReport(rt, { planId, period: '2026-03', asOf: moment, format: 'md' });
    expect(again.body).toEqual(before.body);
    const againHtml = await renderBoardReport(rt, { planId, period: '2026-03', asOf: moment, format: 'html' });
    expect(againHtml.body).toEqual(beforeHtml.body);
  });
  it('shows figures imported from before ragtrail beside the computed ones, labelled imported', async () => {
    const { rt, planId } = await boardFixture();
    await rt.execute(planId, 'ImportFigures', { period: '2026-02', source: 'February board pack (PDF)', priorities: [{ priorityId: 'p1', figure: 2.6 }], overall: 2.4 }, as(actors.admin, 'Figures reported before ragtrail'));
    const md = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'md' })).body);
    expect(md).toContain('| 1. Leadership & governance | 3.0 Green; 2.6 imported | 3.0 Green |');
    expect(md).toContain('| Overall | 2.8 Green; 2.4 imported | 2.3 Amber |');
    expect(md).toContain('Imported figures come from February board pack (PDF)');
  });
  it('names the actions of a plan without priorities (an Ofsted tracker) as such, not as priority 0', async () => {
    const rt = createRagtrail({ store: createMemoryStore() });
    const admin = { actor: actors.admin };
    await rt.createPlan({ planId: 'tracker', title: 'Ofsted recommendations', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, admin);
    await rt.execute('tracker', 'AddAction', { ref: 'Ofsted 1', title: 'Performance data' }, admin);
    await rt.execute('tracker', 'OpenReview', { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, admin);
    await rt.execute('tracker', 'RecordEntry', { action: 'Ofsted 1', period: '2017-04', score: 1, update: 'Digest live' }, admin);
    const md = String((await renderBoardReport(rt, { planId: 'tracker', format: 'md' })).body);
    expect(md).toContain('| Actions not under a priority |');
    expect(md).toContain('## Actions not under a priority');
    expect(md).not.toMatch(/\b0\. Actions|Priority 0/);
  });
  it('refuses an unknown format naming the field', async () => {
    const { rt, planId } = await boardFixture();
    await expect(renderBoardReport(rt, { planId, format: 'docx' as 'md' })).rejects.toMatchObject({ issues: [expect.objectContaining({ field: 'format' })] });
  });
});
