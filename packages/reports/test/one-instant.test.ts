import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { renderBoardReport, renderEvidencePack, renderScrutinyReport } from '../src/index.js';
import { as, boardFixture, manualClock } from './fixture.js';

// Every section of a report made without an as-of is read at one instant, fixed when the render
// starts and named in the header: a render as of that instant gives the same bytes later, whatever
// has been recorded since on the plan's outcome stream or on other plans the report reads.

const renders = { board: renderBoardReport, evidence: renderEvidencePack, scrutiny: renderScrutinyReport } as const;
const formats = ['md', 'html', 'xlsx'] as const;
const bytes = (body: string | Buffer): Buffer => Buffer.from(body);

/** The instant the header names ("the log as known at T (...)"), read from the markdown. */
const headerInstant = (md: string): string => {
  const found = /the log as known at (\S+) \(/.exec(md);
  if (!found) throw new Error(`no instant in the header of:\n${md.slice(0, 600)}`);
  return found[1]!;
};

/** The board fixture with an indicator of action 1.1 on its outcome stream, its value recorded after the plan's last event. */
async function withIndicator() {
  const f = await boardFixture();
  f.clock.set('2026-04-01T09:00:00.000Z');
  await f.rt.executeOutcome(f.planId, 'DefineIndicator', { indicatorId: 'agency', name: 'Agency social workers', unit: 'count', better: 'lower', decimals: 0, priorities: ['p1'] }, as(actors.admin));
  await f.rt.executeOutcome(f.planId, 'SetIndicatorTarget', { indicator: 'agency', by: '2026-03', value: 40, tolerance: 2 }, as(actors.reviewer));
  f.clock.set('2026-04-02T09:00:00.000Z');
  await f.rt.executeOutcome(f.planId, 'RecordIndicatorValue', { indicator: 'agency', period: '2026-03', value: 39 }, as(actors.officer));
  return f;
}

describe('a report without an as-of is read at one instant', () => {
  it('names the latest time recorded on the plan or its outcomes, and shows the body as of it', async () => {
    const { rt, planId } = await withIndicator();
    const md = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'md' })).body);
    // The plan's last event is the sign-off of 27 March; the indicator value shown was recorded on 2 April.
    expect(headerInstant(md)).toBe('2026-04-02T09:00:00.000Z');
    expect(md).toContain('Reflects: the log as known at 2026-04-02T09:00:00.000Z (the plan up to revision 19, last recorded 2026-03-27T10:00:00.000Z)');
    expect(md).toContain('Agency social workers: 39');
  });

  for (const [kind, render] of Object.entries(renders))
    it(`${kind}: the first render equals a render as of the instant its header named, after later outcomes`, async () => {
      const { rt, planId, clock } = await withIndicator();
      const first = await Promise.all(formats.map(async (format) => bytes((await render(rt, { planId, period: '2026-03', format })).body)));
      const named = headerInstant(first[0]!.toString());
      // A correction on the outcome stream, recorded later, puts the indicator off target.
      clock.set('2026-04-05T09:00:00.000Z');
      await rt.executeOutcome(planId, 'CorrectIndicatorValue', { indicator: 'agency', period: '2026-03', value: 60 }, as(actors.reviewer, 'Recount'));
      const later = String((await render(rt, { planId, period: '2026-03', format: 'md' })).body);
      expect(headerInstant(later)).toBe('2026-04-05T09:00:00.000Z');
      expect(later).not.toEqual(first[0]!.toString());
      for (const [i, format] of formats.entries()) {
        const again = bytes((await render(rt, { planId, period: '2026-03', format, asOf: named })).body);
        expect(again.equals(first[i]!), `${kind} ${format}`).toBe(true);
      }
    });

  it('the board report’s exceptions and indicators change only with the instant', async () => {
    const { rt, planId, clock } = await withIndicator();
    const first = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'md' })).body);
    expect(first).not.toContain('One indicator is off target:');
    clock.set('2026-04-05T09:00:00.000Z');
    await rt.executeOutcome(planId, 'CorrectIndicatorValue', { indicator: 'agency', period: '2026-03', value: 60 }, as(actors.reviewer, 'Recount'));
    const later = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'md' })).body);
    expect(later).toContain('One indicator is off target:');
    expect(String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'md', asOf: headerInstant(first) })).body)).toEqual(first);
  });

  it('a later plan carrying a recommendation moves the instant of the earlier plan’s report, never its past renders', async () => {
    const { rt, clock } = await boardFixture();
    clock.set('2026-04-01T09:00:00.000Z');
    await rt.createPlan({ planId: 'ofsted-2016', title: 'Ofsted SIF tracker', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, as(actors.admin));
    await rt.execute('ofsted-2016', 'AddAction', { ref: 'Ofsted 1', title: 'Board oversight of performance' }, as(actors.admin));
    const first = await Promise.all(formats.map(async (format) => bytes((await renderBoardReport(rt, { planId: 'ofsted-2016', format })).body)));
    const named = headerInstant(first[0]!.toString());
    expect(named).toBe('2026-04-01T09:00:00.000Z');
    clock.set('2026-04-02T09:00:00.000Z');
    await rt.executeOutcome('thurrock', 'LinkCarryOver', { action: '1.1', fromPlan: 'ofsted-2016', fromReference: 'Ofsted 1' }, as(actors.reviewer, 'Carried into the improvement plan'));
    const later = String((await renderBoardReport(rt, { planId: 'ofsted-2016', format: 'md' })).body);
    // The link is on the later plan's outcome stream, which the coverage section reads: the instant follows it.
    expect(headerInstant(later)).toBe('2026-04-02T09:00:00.000Z');
    expect(later).toContain('| thurrock 1.1 | 4 Blue (2026-03) |');
    for (const [i, format] of formats.entries())
      expect(bytes((await renderBoardReport(rt, { planId: 'ofsted-2016', format, asOf: named })).body).equals(first[i]!), format).toBe(true);
  });

  it('the default period is the one at the instant, not the wall clock’s month', async () => {
    const clock = manualClock('2019-05-10T09:00:00.000Z');
    const rt = createRagtrail({ store: createMemoryStore(), now: clock.now });
    await rt.createPlan({ planId: 'new-plan', title: 'New plan', organisation: 'Somewhere Council', scheme: 'development-plan-5' }, as(actors.admin));
    await rt.execute('new-plan', 'AddAction', { ref: '1.1', title: 'Not scored yet' }, as(actors.admin));
    // Nothing reviewed or scored: the period is the instant's month, whenever the report is made.
    clock.set('2021-01-15T09:00:00.000Z');
    const md = String((await renderBoardReport(rt, { planId: 'new-plan', format: 'md' })).body);
    expect(md).toContain('- Period: May 2019 (2019-05)');
    expect(headerInstant(md)).toBe('2019-05-10T09:00:00.000Z');
  });
});
