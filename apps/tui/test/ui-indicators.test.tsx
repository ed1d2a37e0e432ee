/** @jsxRuntime automatic @jsxImportSource react */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { directData } from '../src/sources/direct.js';
import { App } from '../src/ui/App.js';
import { admin, officer, reviewer, seededMemory } from './fixtures.js';
import { keys, plain, pressKeys, screenDeadlineMs, until } from './ui-helpers.js';

vi.setConfig({ testTimeout: 4 * screenDeadlineMs });
afterEach(() => cleanup());

async function withIndicators() {
  const seeded = await seededMemory();
  const { rt, planId } = seeded;
  await rt.executeOutcome(planId, 'DefineIndicator', { indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', decimals: 1, priorities: ['p1'] }, { actor: admin });
  await rt.executeOutcome(planId, 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2017-03', value: 68 }, { actor: officer });
  await rt.executeOutcome(planId, 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 54, comparators: [{ name: 'statistical neighbours', value: 54.6, source: 'DfE SFA 2018' }, { name: 'England', value: 43.3, source: 'DfE SFA 2018' }] }, { actor: officer });
  await rt.executeOutcome(planId, 'SetIndicatorTarget', { indicator: 'cp-rate', by: '2018-03', value: 50, tolerance: 2 }, { actor: reviewer });
  await rt.executeOutcome(planId, 'DefineIndicator', { indicatorId: 'agency', name: 'Agency social workers', unit: 'count', better: 'lower', decimals: 0 }, { actor: admin });
  await rt.executeOutcome(planId, 'RecordIndicatorValue', { indicator: 'agency', period: '2016-03', value: 39 }, { actor: officer });
  await rt.executeOutcome(planId, 'RecordIndicatorValue', { indicator: 'agency', period: '2018-05', value: 60 }, { actor: officer });
  return seeded;
}

describe('the indicators screen', () => {
  it("opens with i from the dashboard and shows each indicator's latest value, target, comparators, direction and RAG in words, as the core judges them", async () => {
    const { rt, planId } = await withIndicators();
    const app = render(<App data={directData(rt, officer, 'memory:')} theme={{ colour: true, width: 80, height: 24 }} planId={planId} />);
    const frame = () => {
      const text = plain(app.lastFrame());
      if (text.split('\n').some((row) => row.length > 80) || text.split('\n').length > 24) throw new Error(`The screen does not fit 80x24:\n${text}`);
      return text;
    };
    await until(frame, 'Exceptions');
    await pressKeys(app.stdin, 'i');
    const screen = await until(frame, 'Indicators, latest values (2)');
    const flat = screen.replace(/\s+/g, ' ');
    // Lower is better: 68 -> 54 improves, 54 beats 54.6 but not 43.3, and 54 is off a target of 50 give or take 2.
    expect(flat).toContain('cp-rate Children on a child protection plan (per 10,000)');
    expect(flat).toContain('latest 54.0 in 2018-03 · ↑ improving from 68.0 · target 50.0 · RAG off target · lower is better · better than statistical neighbours (54.6) · worse than England (43.3)');
    expect(flat).toContain('agency Agency social workers (count)');
    expect(flat).toContain('latest 60 in 2018-05 · ↓ declining from 39 · no target · lower is better');
    // Each fact comes from the core's own view of the indicator: the screen adds words, not judgements.
    const [cp] = (await rt.indicators(planId)).indicators;
    expect(cp).toMatchObject({ direction: 'improving', rag: 'off-target', comparators: { 'statistical neighbours': { relation: 'better' }, England: { relation: 'worse' } } });
    // The chosen indicator's sentence, then the other's after ↓.
    expect(flat).toContain('Children on a child protection plan: 54');
    await pressKeys(app.stdin, keys.down);
    await until(frame, /> agency/);
    expect(frame().replace(/\s+/g, ' ')).toContain('Agency social workers: 60');
    await pressKeys(app.stdin, keys.escape);
    await until(frame, 'Exceptions');
  });

  it('says how indicators are defined when the plan has none', async () => {
    const { rt, planId } = await seededMemory();
    const app = render(<App data={directData(rt, officer, 'memory:')} theme={{ colour: false, width: 80, height: 24 }} planId={planId} />);
    const frame = () => plain(app.lastFrame());
    await until(frame, 'Exceptions');
    await pressKeys(app.stdin, 'i');
    await until(frame, ['Indicators, latest values (0)', 'ragtrail indicator']);
  });
});
