// The action page an inspector reads: the audit trail in sentences (never stored values as JSON),
// and a correction made after its period was signed off marked as the evidence pack marks it.
import { actors } from '@ragtrail/core/testing';
import { describe, expect, it } from 'vitest';
import { planFixture } from './fixture.js';

/** The page's text with tags removed and spaces collapsed, as a person reads it. */
const readable = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('the action page', () => {
  it('given an action added with a lead, when a viewer opens it, then the trail reads "Lead set to ..." and shows no JSON', async () => {
    const { app, rt, tokens } = await planFixture();
    await rt.execute('p1', 'AddAction', {
      actionId: 'a3', ref: '2.2', priorityId: 'pr2', title: 'Step-down panel', lead: { name: 'Andrew Carter', jobTitle: 'Head of Service' }, dueDate: '2026-06-30',
    }, { actor: actors.admin });
    await rt.execute('p1', 'RescheduleAction', { action: 'a3', newDueDate: '2026-09-30', approvedBy: 'DCS' }, { actor: actors.admin, reason: 'Panel chair on leave' });
    const html = await (await app.request('/plans/p1/actions/a3', { headers: { cookie: `ragtrail_token=${tokens.viewer}` } })).text();
    const text = readable(html);
    expect(text).toContain('Lead set to Andrew Carter, Head of Service');
    expect(text).toContain('Due date moved from 2026-06-30 to 2026-09-30');
    expect(text).toContain('Action added');
    expect(text).toContain('Action rescheduled');
    expect(html).not.toMatch(/lead: |{&quot;|{"name"| -> | → /);
  });

  it('given a score corrected after sign-off, when a viewer opens the action, then the correction is marked with its reason', async () => {
    const { app, rt, tokens } = await planFixture();
    await rt.execute('p1', 'SignOffReview', { period: '2026-01' }, { actor: actors.board, reason: 'January board' });
    await rt.execute('p1', 'CorrectEntry', { action: 'a2', period: '2026-01', score: 2 }, { actor: actors.reviewer, reason: 'Audit found the MASH backlog' });
    const html = await (await app.request('/plans/p1/actions/a2', { headers: { cookie: `ragtrail_token=${tokens.viewer}` } })).text();
    const text = readable(html);
    const section = text.slice(text.indexOf('Corrections after sign-off'), text.indexOf('Audit trail'));
    expect(section).toMatch(/2026-01: score changed from 3 \S+ to 2 \S+ on \d{4}-\d{2}-\d{2} [\d:]+ by Rory Patterson; reason: Audit found the MASH backlog/);
    // The correction of February (before any sign-off) is not marked; the January one is, once, in the trail.
    expect(section).not.toContain('2026-02');
    const trail = text.slice(text.indexOf('Download this action'));
    expect(trail.match(/Corrected after sign-off/g)).toHaveLength(1);
    expect(trail).toMatch(/Entry corrected 2026-01 Corrected after sign-off Score changed from 3 \(\w+\) to 2 \(\w+\)/);
  });

  it('given no correction after sign-off, then the page says none', async () => {
    const { app, tokens } = await planFixture();
    const text = readable(await (await app.request('/plans/p1/actions/a2', { headers: { cookie: `ragtrail_token=${tokens.viewer}` } })).text());
    expect(text).toContain('Corrections after sign-off None.');
    expect(text).toContain('Entry corrected 2026-02 Score changed from 1');
  });

  it('given an action corrected hundreds of times, when a viewer opens it, then the audit trail shows 200 records a page, with GOV.UK pagination to the rest', async () => {
    const { app, rt, tokens } = await planFixture();
    const batch = await rt.batch('p1');
    for (let i = 0; i < 250; i++) batch.execute('CorrectEntry', { action: 'a1', period: '2026-01', score: (i % 3) + 1 }, { actor: actors.reviewer, reason: `Recount ${i + 1}` });
    await batch.commit();
    const total = (await rt.audit('p1', { action: 'a1' })).total;
    expect(total).toBeGreaterThan(250);
    const open = (page?: string) => app.request(`/plans/p1/actions/a1${page === undefined ? '' : `?auditPage=${page}`}`, { headers: { cookie: `ragtrail_token=${tokens.viewer}` } });
    const rowsOf = (html: string) => html.slice(html.indexOf('id="audit-heading"')).match(/<tr class="govuk-table__row"><td/g)?.length ?? 0;

    const first = await (await open()).text();
    expect(rowsOf(first)).toBe(200);
    expect(readable(first)).toContain(`Showing 1 to 200 of ${total} records`);
    expect(first).toContain('href="/plans/p1/actions/a1?auditPage=2" rel="next"');

    const second = await (await open('2')).text();
    expect(rowsOf(second)).toBe(total - 200);
    expect(readable(second)).toContain('Recount 250');
    expect(second).toContain('href="/plans/p1/actions/a1" rel="prev"');

    const past = await open('3');
    expect(past.status).toBe(404);
    expect(readable(await past.text())).toContain(`No page 3 of records: the ${total} records fill 2 pages`);
    expect((await open('two')).status).toBe(400);
  });
});
