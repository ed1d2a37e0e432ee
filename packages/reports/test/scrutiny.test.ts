import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { admin, officer, reviewer, seedPlan, steppingClock } from '@ragtrail/core/testing';
import { renderBoardReport, renderScrutinyReport } from '../src/index.js';

async function plan() {
  const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock('2018-04-01T09:00:00.000Z') });
  await seedPlan(rt);
  await rt.executeOutcome('dev-plan', 'DefineIndicator', { indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', source: 'DfE CIN census', priorities: ['p1'] }, { actor: admin });
  await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2017-03', value: 68 }, { actor: officer });
  const recorded = await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 54, comparators: [{ name: 'statistical neighbours', value: 54.6, source: 'DfE SFA 2018' }] }, { actor: officer });
  await rt.executeOutcome('dev-plan', 'SetIndicatorTarget', { indicator: 'cp-rate', by: '2018-03', value: 50, tolerance: 2 }, { actor: reviewer });
  return { rt, asOf: recorded.events[0]!.recordedAt };
}

describe('the scrutiny progress report and the board report indicators', () => {
  it('writes, per priority, what changed and the indicator figures against comparators in sentences and a table', async () => {
    const { rt } = await plan();
    const md = String((await renderScrutinyReport(rt, { planId: 'dev-plan', format: 'md' })).body);
    expect(md).toContain('# Scrutiny progress report: Development Plan 2017-19');
    // The period defaults to the latest with a review or an indicator value: March 2018 here.
    expect(md).toContain('Period: March 2018 (2018-03)');
    const workforce = md.slice(md.indexOf('## Priority 1: Workforce'), md.indexOf('## Priority 2:'));
    expect(workforce).toContain('Children on a child protection plan: 54 per 10,000 in March 2018, improving from 68 per 10,000 in March 2017; better than statistical neighbours (54.6 per 10,000); off target (50 per 10,000).');
    expect(workforce).toContain('| Children on a child protection plan | 68 per 10,000 (2017-03) | 54 per 10,000 (2018-03) | 50 per 10,000 | better than statistical neighbours (54.6 per 10,000; DfE SFA 2018) | improving | off target |');
    const html = String((await renderScrutinyReport(rt, { planId: 'dev-plan', format: 'html' })).body);
    expect(html).toContain('better than statistical neighbours');
  });

  it('as of a moment, the same bytes every time, and the figures as then known', async () => {
    const { rt, asOf } = await plan();
    for (const format of ['md', 'html', 'xlsx'] as const) {
      const a = await renderScrutinyReport(rt, { planId: 'dev-plan', format, asOf });
      const b = await renderScrutinyReport(rt, { planId: 'dev-plan', format, asOf });
      expect(Buffer.compare(Buffer.from(a.body), Buffer.from(b.body)), format).toBe(0);
    }
    const then = String((await renderScrutinyReport(rt, { planId: 'dev-plan', format: 'md', asOf })).body);
    expect(then).not.toContain('off target');
  });

  it('the board report has an indicators section beside the RAG summary', async () => {
    const { rt } = await plan();
    const md = String((await renderBoardReport(rt, { planId: 'dev-plan', format: 'md', period: '2018-03' })).body);
    expect(md.indexOf('## Indicators')).toBeGreaterThan(md.indexOf('## RAG summary'));
    expect(md).toContain('better than statistical neighbours (54.6 per 10,000)');
  });
});
