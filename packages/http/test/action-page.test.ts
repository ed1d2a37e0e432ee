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
});
