/** @jsxRuntime automatic @jsxImportSource react */
// Over 250 lines: every screen of the terminal UI driven by keys, each waiting for its screen, with the shared render helpers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { createMemoryStore, createRagtrail, type Actor } from '@ragtrail/core';
import { directData } from '../src/sources/direct.js';
import type { PlanData } from '../src/sources/source.js';
import { App } from '../src/ui/App.js';
import { officer, seededMemory, seedPlan, steppingClock } from './fixtures.js';
import { fittingFrame, keys, listening, plain, pressKeys, screenDeadlineMs, settle, stoppedListening, until, waitFor } from './ui-helpers.js';

const theme = { colour: true, width: 80, height: 24 };

// Each test waits for several screens, each within screenDeadlineMs: a busy machine makes a test slow, not red.
vi.setConfig({ testTimeout: 4 * screenDeadlineMs });

async function start(options: { actor?: Actor | null; data?: PlanData; colour?: boolean; planId?: string } = {}) {
  const seeded = await seededMemory();
  const data = options.data ?? directData(seeded.rt, options.actor === undefined ? officer : options.actor, 'memory:');
  const app = render(<App data={data} theme={{ ...theme, colour: options.colour ?? true }} {...(options.planId ? { planId: options.planId } : {})} />);
  // Every screen must fit an 80x24 terminal: checked on every frame a test reads.
  const frame = fittingFrame(app, 24);
  await until(frame, 'Workforce');
  const press = (...sequence: string[]) => pressKeys(app.stdin, ...sequence);
  return { ...seeded, app, frame, press };
}

afterEach(() => cleanup());

describe('dashboard', () => {
  it("shows each priority's previous and current figure, direction, worst level with its label, counts and the exceptions", async () => {
    const { frame } = await start();
    const screen = frame();
    expect(screen).toMatch(/2017-05 against 2017-04\s+review open/);
    expect(screen).toMatch(/> 1\. Workforce\s+2\.5\s+3\.0 ↑\s+Green 3\s+R0 A0 G2 B0 S0/);
    expect(screen).toMatch(/2\. Early help\s+1\.0\s+1\.0 →\s+Red 1\s+R1 A0 G0 B0 S0/);
    expect(screen).toMatch(/Overall\s+1\.8\s+2\.0 ↑/);
    expect(screen).toContain('Exceptions (3)');
    expect(screen).toMatch(/worst-level\s+P2\.1\s+P2\.1 is at Red \(1\)/);
    for (const row of screen.split('\n')) expect(row.length, row).toBeLessThanOrEqual(80);
    expect(screen.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('refreshes when someone else records in the plan', async () => {
    const { frame, rt, planId } = await start();
    await rt.execute(planId, 'RecordEntry', { action: 'P2.1', period: '2017-05', score: 2, update: 'Thresholds agreed' }, { actor: { id: 'x', name: 'Another Officer', role: 'officer' }, reason: 'Partners signed up' });
    await until(frame, [/2\. Early help\s+1\.0\s+2\.0 ↑/, 'Exceptions (1)']);
  });

  it('moves the selection with arrows and j/k', async () => {
    const { frame, press } = await start();
    await press('j');
    await until(frame, /> 2\. Early help/);
    await press(keys.up);
    await until(frame, /> 1\. Workforce/);
    await press(keys.down);
    await until(frame, /> 2\. Early help/);
    await press('k');
    await until(frame, /> 1\. Workforce/);
  });

  it('shows the period before and after with [ and ], and . goes back to the latest reviewed', async () => {
    const { frame, press } = await start();
    await press('[');
    await until(frame, ['2017-04 against 2017-03', /review signed-off/, /1\. Workforce\s+–\s+2\.5/]);
    await press('[');
    await until(frame, '2017-03 against 2017-02');
    // Each step reads the period on screen, so each waits for the one before to show.
    for (const [period, previous] of [['2017-04', '2017-03'], ['2017-05', '2017-04']]) {
      await press(']');
      await until(frame, `${period} against ${previous}`);
    }
    await press(']');
    await until(frame, ['2017-06 against 2017-05', 'no review']);
    await press('.');
    await until(frame, '2017-05 against 2017-04');
  });

  it('writes labels in brackets and no colour codes under NO_COLOR', async () => {
    const { app } = await start({ colour: false });
    const raw = app.lastFrame() ?? '';
    expect(raw).toContain('[Green 3]');
    expect(raw).toContain('[Red 1]');
    expect(raw).not.toMatch(/\u001B\[(4|3)8;/);
  });
});

describe('plan picker', () => {
  it('offers every plan when there are several and opens the one chosen', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store, now: steppingClock() });
    await seedPlan(rt, 'plan-a');
    await seedPlan(rt, 'plan-b');
    await rt.createPlan({ planId: 'plan-c', title: "Children's Social Care Development Plan 2017-19, revised 2018-19", organisation: 'Thurrock Council' }, { actor: { id: 'a', name: 'Ann Admin', role: 'admin' } });
    await rt.execute('plan-b', 'AddPriority', { number: 3, title: 'Care leavers' }, { actor: { id: 'a', name: 'Ann Admin', role: 'admin' } });
    const app = render(<App data={directData(rt, officer, 'memory:')} theme={theme} />);
    const frame = () => plain(app.lastFrame());
    await until(frame, 'Choose a plan');
    // Each plan on one line at 80 columns, its latest period included (long titles once wrapped it).
    expect(frame().split('\n').every((l) => l.length <= 80)).toBe(true);
    expect(frame()).toMatch(/actions 2017-05/);
    const first = frame();
    await pressKeys(app.stdin, 'j');
    await waitFor(() => frame() !== first, 'the selection to move to the second plan');
    await pressKeys(app.stdin, keys.enter);
    await until(frame, '3. Care leavers');
  });

  it('acts on keys that arrive together in order, each seeing what the one before did', async () => {
    const store = createMemoryStore();
    const rt = createRagtrail({ store, now: steppingClock() });
    await seedPlan(rt, 'plan-a');
    await seedPlan(rt, 'plan-b');
    await rt.execute('plan-b', 'AddPriority', { number: 3, title: 'Care leavers' }, { actor: { id: 'a', name: 'Ann Admin', role: 'admin' } });
    const app = render(<App data={directData(rt, officer, 'memory:')} theme={theme} />);
    const frame = () => plain(app.lastFrame());
    await until(frame, 'Choose a plan');
    // The picker takes keys once the selection moves.
    await pressKeys(app.stdin, 'j');
    await until(frame, /^ {2}Development Plan.*\n> /m);
    await pressKeys(app.stdin, 'k');
    await until(frame, /^> Development Plan/m);
    await listening(app.stdin);
    await settle();
    // One chunk, as a paste or a fast typist sends it: "down, then enter" opens the second plan.
    app.stdin.write(keys.down + keys.enter);
    await until(frame, '3. Care leavers');
  });
});

describe('priority and action detail', () => {
  it("opens a priority's actions, then an action's sparkline, updates, evidence and audit trail, and esc goes back", async () => {
    const { frame, press } = await start();
    await press(keys.enter);
    await until(frame, [/> P1\.1\s+Reduce agency social workers\s+Green 3\s+2\s+↑\s+↑/, /P1\.2\s+Supervision compliance\s+Green 3\s+3\s+→?\s+not updated/]);
    await press(keys.enter);
    await until(frame, [
      'Audit trail',
      'P1.1 Reduce agency social workers',
      /Scores ▃▅ 2 3 · now Green \(3\), held 1 period/,
      /2017-05 3 Agency staff 39/,
      /2017-04 2 Agency staff 60/,
      'Evidence (0)',
      /Iqbal Vaza \(officer\): Entry recorded for 2017-05\. Score set\s+to 3 \(Green\)\.[\s\S]*Reason: “Recruitment drive landed”\./,
      /Ann Admin \(admin\): Action added\.[\s\S]*Due date\s+set to 2018-12-31\./,
    ]);
    await press(keys.escape);
    await until(frame, 'Supervision compliance');
    await press(keys.escape);
    await until(frame, ['Exceptions (3)', '1. Workforce']);
  });
});

describe('record a month', () => {
  it('records an entry chosen from the scheme and shows it on the dashboard', async () => {
    const { frame, press, rt, planId } = await start();
    await press('j', keys.enter);
    await until(frame, 'Front door thresholds');
    await press(keys.enter);
    await until(frame, 'Audit trail');
    await press('r');
    await until(frame, ['Record a month: P2.1', /Period\s+2017-05/, /\[1 Red\]\s+2 Amber\s+3 Green\s+4 Blue\s+5 Sustained/]);
    await press(keys.right, keys.tab, 'Thresholds agreed', keys.tab, keys.right, keys.tab, 'Partners signed up', keys.tab);
    await until(frame, /\[2 Amber\]/);
    await until(frame, /Direction\s+‹ Improving ›/);
    await press(keys.enter);
    await until(frame, ['Recorded P2.1 2017-05: Amber (2)', 'Thresholds agreed']);
    const summary = await rt.summary(planId, { period: '2017-05' });
    expect(summary.priorities[1]!.current.mean).toBe(2);
    const audit = await rt.audit(planId, { action: 'P2.1' });
    expect(audit.records.at(-1)).toMatchObject({ type: 'EntryRecorded', reason: 'Partners signed up', actor: { name: 'Iqbal Vaza' } });
  });

  it("shows the core's refusal inline beside the field and writes nothing", async () => {
    const { frame, press, rt, planId } = await start();
    await press(keys.enter);
    await until(frame, 'Reduce agency');
    await press(keys.down, keys.enter);
    await until(frame, 'Audit trail');
    await press('r');
    await until(frame, 'Record a month: P1.2');
    const before = (await rt.history(planId)).length;
    await press(keys.left, keys.tab, keys.tab, keys.tab, keys.tab, keys.enter);
    const refused = await until(frame, /Reason\s*\n\s+! A reason is required: the score changes from 3 in April 2017 to 2/);
    expect(refused).not.toMatch(/\bat \w+ \(/);
    expect((await rt.history(planId)).length).toBe(before);
    await press(keys.up, 'Supervision audits slipped', keys.tab, keys.enter);
    await until(frame, 'Recorded P1.2 2017-05: Amber (2)');
    expect((await rt.history(planId)).length).toBe(before + 1);
  });

  it('tells a read-only user how to act instead of recording', async () => {
    const { frame, press } = await start({ actor: null });
    expect(frame()).toContain('read-only');
    await press(keys.enter);
    await until(frame, 'Reduce agency');
    await press(keys.enter);
    await until(frame, 'Audit trail');
    await press('r');
    // Said at once, instead of a form that could only fail when saved.
    const screen = await until(frame, ['Cannot record: no acting person', '--actor']);
    expect(screen).not.toContain('Record a month');
  });
});

describe('time travel', () => {
  it('steps through the log an event and a period at a time and shows the dashboard as it stood', async () => {
    const { frame, press } = await start();
    await press('t');
    await until(frame, ['TIME TRAVEL', 'event 13/13', /just applied: EntryRecorded P1\.1 2017-05 score 3 by Iqbal Vaza \(officer\)/, /1\. Workforce\s+2\.5\s+3\.0 ↑/]);
    await press('h');
    await until(frame, ['event 12/13', /just applied: ReviewOpened 2017-05 by Rory Patterson \(reviewer\)/, /1\. Workforce\s+2\.5\s+2\.5 →/]);
    await press('[');
    await until(frame, ['event 11/13', /ReviewSignedOff 2017-04 by Chief Executive \(board\)/, /2017-04 against 2017-03\s+review signed-off/]);
    await press('[');
    await until(frame, ['event 6/13', /ActionAdded P2\.1/]);
    await press(']');
    await until(frame, ['event 11/13', 'ReviewSignedOff']);
    await press('g');
    await until(frame, ['event 0/13', 'The plan did not exist yet']);
    await press('l');
    await until(frame, ['event 1/13', 'No period named yet']);
    await press('G');
    await until(frame, 'event 13/13');
  });

  it('jumps to a date, and says what is wrong with one it cannot read', async () => {
    const { frame, press } = await start();
    await press('t');
    await until(frame, 'TIME TRAVEL');
    // The stepping clock records one event a minute from 09:01 on 1 April 2017.
    await press('d', '2017-04-01T09:08:30Z', keys.enter);
    await until(frame, ['event 8/13', /EntryRecorded P1\.1 2017-04 score 2/]);
    await press('d', 'last week', keys.enter);
    await until(frame, ['not an ISO-8601', 'event 8/13']);
    await press('d', '2016-01-01', keys.enter);
    await until(frame, 'event 0/13');
    await press(keys.escape);
    expect(await until(frame, 'Exceptions (3)')).not.toContain('TIME TRAVEL');
  });
});

describe('keys', () => {
  it('? shows the help, esc closes it, q quits', async () => {
    const { app, frame, press } = await start();
    await press('?');
    await until(frame, ['Keys', 'time travel']);
    await press(keys.escape);
    await until(frame, 'Exceptions (3)');
    await press('q');
    await stoppedListening(app.stdin);
    app.stdin.write('?');
    expect(frame()).not.toContain('Keys');
  });
});
