/** @jsxRuntime automatic @jsxImportSource react */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { Ragtrail } from '@ragtrail/core';
import { createApp } from '@ragtrail/http';
import { directData } from '../src/sources/direct.js';
import { httpData } from '../src/sources/http.js';
import type { PlanData } from '../src/sources/source.js';
import { App } from '../src/ui/App.js';
import { admin, officer, reviewer, seededMemory } from './fixtures.js';
import { fittingFrame, plain, screenDeadlineMs, until } from './ui-helpers.js';

vi.setConfig({ testTimeout: 2 * screenDeadlineMs });

/** An indicator off its May 2017 target and a milestone due in May 2017 and not recorded as met. */
async function addOutcomeExceptions(rt: Ragtrail, planId: string): Promise<void> {
  await rt.execute(planId, 'AddAction', { ref: 'P1.3', priorityId: 'p1', title: 'Exit interviews', milestones: [{ text: 'Exit interview form agreed with the unions and in use across every team', dueDate: '2017-05-15' }] }, { actor: admin });
  await rt.executeOutcome(planId, 'DefineIndicator', { indicatorId: 'agency', name: 'Agency social workers', unit: '%', better: 'lower', source: 'HR', tolerance: 5, priorities: [], actions: [] }, { actor: admin });
  await rt.executeOutcome(planId, 'RecordIndicatorValue', { indicator: 'agency', period: '2017-05', value: 39, comparators: [] }, { actor: officer });
  await rt.executeOutcome(planId, 'SetIndicatorTarget', { indicator: 'agency', by: '2017-05', value: 20 }, { actor: reviewer });
}

/** The HTTP source on the API app in-process, reading as a viewer: what `ragtrail tui --url` shows. */
async function overHttp(rt: Ragtrail): Promise<PlanData> {
  const { token } = await rt.issueToken({ name: 'Inspector', role: 'viewer' }, { actor: admin });
  const app = createApp({ ragtrail: rt });
  return httpData('http://ragtrail.test', token, ((input: string | URL | Request, init?: RequestInit) => app.request(String(input), init)) as typeof fetch);
}

async function start(height: number, source: 'direct' | 'http' = 'direct') {
  const { rt, planId } = await seededMemory();
  await addOutcomeExceptions(rt, planId);
  const data = source === 'http' ? await overHttp(rt) : directData(rt, officer, 'memory:');
  const app = render(<App data={data} theme={{ colour: false, width: 80, height }} planId={planId} />);
  const frame = fittingFrame(app);
  return { frame };
}

afterEach(() => cleanup());

describe("the dashboard's exceptions", () => {
  it("lists the outcomes' after the actions', kind in words, each sentence wrapped under its column within 80 columns", async () => {
    const { frame } = await start(48);
    const screen = await until(frame, ['Exceptions (6)', 'recorded as met']);
    const rows = screen.split('\n');
    const at = (pattern: RegExp) => rows.findIndex((row) => pattern.test(row));
    const worst = at(/^ {2}worst-level\s+P2\.1\s+P2\.1 is at Red \(1\)/);
    const offTarget = at(/^ {2}indicator off target agency\s+Agency social workers: 39% in May 2017; off$/);
    const milestone = at(/^ {2}milestone not met\s+P1\.3 #1\s+P1\.3 milestone 1 "Exit interview form$/);
    expect(worst).toBeGreaterThan(0);
    expect(offTarget).toBeGreaterThan(worst);
    expect(milestone).toBeGreaterThan(offTarget);
    for (const row of [offTarget + 1, milestone + 1, milestone + 2, milestone + 3]) expect(rows[row]!.slice(0, 36).trim(), rows[row]).toBe('');
    expect(rows.slice(milestone + 1, milestone + 4).map((row) => row.trim()).join(' ')).toBe('agreed with the unions and in use across every team" was due on 2017-05-15 and is not recorded as met');
    expect(screen).not.toContain('more (ragtrail exceptions');
  });

  it('shows the same through the HTTP source as through the store', async () => {
    const { frame } = await start(48, 'http');
    await until(frame, ['Exceptions (6)', /indicator off target agency\s+Agency social workers: 39% in May 2017; off/, /milestone not met\s+P1\.3 #1\s+P1\.3 milestone 1/]);
  });

  it('counts the outcomes it has no room for and points to ragtrail exceptions in a short terminal', async () => {
    const { frame } = await start(18);
    const screen = await until(frame, ['Exceptions (6)', '… 2 more (ragtrail exceptions --plan dev-plan)']);
    expect(screen).toContain('not-updated          P2.1');
    expect(screen).not.toContain('indicator off target');
    expect(screen.split('\n').length).toBeLessThanOrEqual(18);
  });
});
