/** @jsxRuntime automatic @jsxImportSource react */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { randomUUID } from 'node:crypto';
import { createRagtrail, runBatch, type Ragtrail } from '@ragtrail/core';
import { memoryStoreNamed } from '@ragtrail/stores';
import { createApp } from '@ragtrail/http';
import { directData } from '../src/sources/direct.js';
import { httpData } from '../src/sources/http.js';
import type { PlanData } from '../src/sources/source.js';
import { App } from '../src/ui/App.js';
import { runCliCaptured } from './cli-run.js';
import { admin, officer, reviewer, seedPlan, steppingClock } from './fixtures.js';
import { fittingFrame, plain, pressKeys, screenDeadlineMs, until } from './ui-helpers.js';

vi.setConfig({ testTimeout: 2 * screenDeadlineMs });

const milestoneRow = /milestone not met\s+P1\.3 #1\s+P1\.3 milestone 1/;
const offTargetRow = /indicator off target agency\s+Agency social workers: 39% in May 2017; off/;

/**
 * Moment T is the plan event adding P1.3, whose milestone was due on 15 May 2017 and is not met by
 * the end of May (the period the board looks at). The agency indicator has its May target before T;
 * its May value, off that target, is recorded after T, and one more plan event after that.
 */
async function outcomesAroundT(rt: Ragtrail, planId: string): Promise<{ t: string }> {
  await rt.executeOutcome(planId, 'DefineIndicator', { indicatorId: 'agency', name: 'Agency social workers', unit: '%', better: 'lower', source: 'HR', tolerance: 5, priorities: [], actions: [] }, { actor: admin });
  await rt.executeOutcome(planId, 'SetIndicatorTarget', { indicator: 'agency', by: '2017-05', value: 20 }, { actor: reviewer });
  await rt.execute(planId, 'AddAction', { ref: 'P1.3', priorityId: 'p1', title: 'Exit interviews', milestones: [{ text: 'Exit interview form agreed with the unions and in use', dueDate: '2017-05-15' }] }, { actor: admin });
  const t = (await rt.history(planId)).at(-1)!.recordedAt;
  await rt.executeOutcome(planId, 'RecordIndicatorValue', { indicator: 'agency', period: '2017-05', value: 39, comparators: [] }, { actor: officer });
  await rt.execute(planId, 'RecordEntry', { action: 'P1.3', period: '2017-05', score: 2, update: 'Form drafted' }, { actor: officer });
  return { t };
}

/** The HTTP source on the app in process, asking for the history four events at a time; `historyPages` lists each page's address. */
async function overHttp(rt: Ragtrail, historyPages: string[]): Promise<PlanData> {
  const { token } = await rt.issueToken({ name: 'Inspector', role: 'viewer' }, { actor: admin });
  const app = createApp({ ragtrail: rt });
  const fetchApp = (input: string | URL | Request, init?: RequestInit) => {
    if (new URL(String(input)).pathname.endsWith('/history')) historyPages.push(String(input));
    return app.request(String(input), init);
  };
  return httpData('http://ragtrail.test', token, fetchApp as typeof fetch, { historyPageSize: 4 });
}

async function start({ outcomes = true, source = 'direct', height = 40, before = async () => {} }: { outcomes?: boolean; source?: 'direct' | 'http'; height?: number; before?: (rt: Ragtrail, planId: string, hold: (held: boolean) => void) => Promise<void> } = {}) {
  // A named memory store, so the command line can be pointed at the same plan.
  const store = `memory:${randomUUID()}`;
  // A clock a minute on at each reading, unless held: then every event is stamped the same instant.
  const stepping = steppingClock();
  let held: Date | null = null;
  const rt = createRagtrail({ store: memoryStoreNamed(store.slice('memory:'.length)), now: () => held ?? stepping() });
  const planId = await seedPlan(rt);
  const { t } = outcomes ? await outcomesAroundT(rt, planId) : { t: '' };
  await before(rt, planId, (on) => (held = on ? stepping() : null));
  const historyPages: string[] = [];
  const data = source === 'http' ? await overHttp(rt, historyPages) : directData(rt, officer, store);
  const app = render(<App data={data} theme={{ colour: false, width: 80, height }} planId={planId} />);
  const frame = fittingFrame(app);
  return { frame, t, store, historyPages, press: (...sequence: string[]) => pressKeys(app.stdin, ...sequence) };
}

afterEach(() => cleanup());

describe("time travel's outcome exceptions", () => {
  it('shows at T the milestone overdue then but not the indicator value recorded after it, and both now', async () => {
    const { frame, t, press } = await start();
    await press('t');
    await until(frame, ['TIME TRAVEL', 'event 15/15', /^Exceptions as known now$/m, milestoneRow, offTargetRow]);
    await press('h');
    const screen = await until(frame, ['event 14/15', /just applied: ActionAdded P1\.3/, `as known at ${t.slice(0, 19).replace('T', ' ')} UTC, when this event was recorded`, milestoneRow]);
    expect(screen).not.toContain('indicator off target');
    await press('G');
    await until(frame, ['event 15/15', 'as known now', milestoneRow, offTargetRow]);
  });

  it('asks for outcomes as known at the date or instant jumped to, and a step returns to the event recorded', async () => {
    const { frame, t, press } = await start();
    await press('t');
    await until(frame, ['event 15/15', offTargetRow]);
    // Thirty seconds after T: the stepping clock records the indicator value a minute after it.
    const asked = new Date(Date.parse(t) + 30_000).toISOString();
    await press('d', asked, '\r');
    const screen = await until(frame, ['event 14/15', `as known at ${asked}, the moment asked`, milestoneRow]);
    expect(screen).not.toContain('indicator off target');
    await press('l');
    await until(frame, ['event 15/15', 'as known now', offTargetRow]);
  });

  it('in a short terminal names the command that lists them all at that moment, and that command agrees', async () => {
    const { frame, t, store, press } = await start({ height: 20 });
    await press('t');
    await until(frame, ['event 15/15', /^Exceptions as known now$/m]);
    await press('h');
    const hint = new RegExp(`… (\\d+) more \\((ragtrail exceptions --plan dev-plan --period 2017-05 --as-of ${t.replace(/\./g, '\\.')})\\)`);
    const flat = await until(() => frame().replace(/\s+/g, ' '), ['event 14/15', /when this event was recorded/, /Exceptions \(5\)/, hint]);
    expect(frame().split('\n').length).toBeLessThanOrEqual(20);
    const [, hidden, command] = hint.exec(flat)!;
    expect(Number(hidden)).toBeGreaterThan(0);
    const { code, out, err } = await runCliCaptured([...command!.split(' ').slice(1), '--store', store]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(milestoneRow);
    expect(out).not.toContain('indicator off target');
    // A date it cannot read: the refusal wraps over two rows and the dashboard gives them up, so the screen is no taller.
    const rowsBefore = frame().split('\n').length;
    await press('d', 'last week', '\r');
    const refused = await until(() => frame().replace(/\s+/g, ' '), ['"last week" is not an ISO-8601 date or instant', 'event 14/15', hint]);
    expect(refused).toContain('2017-05-10T12:00:00Z');
    expect(frame().split('\n').length).toBeLessThanOrEqual(rowsBefore);
  });

  it('shows the same through the HTTP source, which passes the moment to the API and reads a history of several pages whole', async () => {
    const { frame, press, historyPages } = await start({ source: 'http' });
    await press('t');
    await until(frame, ['event 15/15', milestoneRow, offTargetRow]);
    // Fifteen events four at a time: four pages, each after the last revision of the one before.
    expect(historyPages.map((url) => new URL(url).searchParams.get('after'))).toEqual(['-1', '3', '7', '11']);
    await press('h');
    const screen = await until(frame, ['event 14/15', 'when this event was recorded', milestoneRow]);
    expect(screen).not.toContain('indicator off target');
    await press('g');
    await until(frame, ['event 0/15', 'The plan did not exist yet']);
    await press('l');
    await until(frame, ['event 1/15', 'No period named yet']);
  });

  it('inside a batch recorded at one instant, says the outcomes are those known once it was all in', async () => {
    const twoEntries = { commands: [
      { type: 'RecordEntry', data: { action: 'P1.2', period: '2017-05', score: 3, update: 'Caseloads down' } },
      { type: 'RecordEntry', data: { action: 'P2.1', period: '2017-05', score: 1, update: 'Hub not yet staffed' } },
    ] };
    const { frame, press } = await start({
      before: async (rt, planId, hold) => {
        hold(true);
        await runBatch(rt, planId, twoEntries, { actor: officer });
        hold(false);
      },
    });
    await press('t');
    await until(frame, ['event 17/17', /^Exceptions as known now$/m, milestoneRow, offTargetRow]);
    await press('h');
    // Event 16 is the batch's first entry: the second was recorded at the same instant.
    await until(frame, ['event 16/17', /just applied: EntryRecorded P1\.2/, /once its whole batch was in$/m, milestoneRow, offTargetRow]);
    await press('l', 'h', 'h');
    await until(frame, ['event 15/17', /just applied: EntryRecorded P1\.3/, /when this event was recorded$/m, milestoneRow, offTargetRow]);
  });

  it("steps through a plan with no outcomes at all without failing, showing only the actions' exceptions", async () => {
    const { frame, press } = await start({ outcomes: false });
    await press('t');
    // The moment's line loses "(reading outcomes…)" once the answer is in; a failed read would say so instead.
    let screen = await until(frame, ['event 13/13', /^Exceptions as known now$/m, 'Exceptions (3)']);
    expect(screen).not.toMatch(/milestone not met|indicator off target/);
    await press('[');
    screen = await until(frame, ['event 11/13', /when this event was recorded$/m, 'Exceptions (1)']);
    expect(screen).not.toMatch(/milestone not met|indicator off target/);
    await press('g');
    await until(frame, ['event 0/13', 'The plan did not exist yet']);
    await press('l');
    screen = await until(frame, ['event 1/13', 'No period named yet']);
    expect(screen).not.toContain('could not be read');
  });

  it('is described in the help, each key on rows whole at 80 columns', async () => {
    const { frame, press } = await start({ outcomes: false });
    await press('?');
    await until(frame, [
      /^ {2}t {10}time travel: the board and its exceptions as known at any event$/m,
      /^ {15}there ←→ event, \[ \] period, d date, g\/G start\/end$/m,
      /^ {2}i {10}the plan's indicators: value, target, comparators, direction, RAG$/m,
      /^Colours carry a label too; NO_COLOR=1 turns them off\. esc or \? closes\.$/m,
    ]);
  });
});
