/** @jsxRuntime automatic @jsxImportSource react */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { createMemoryStore, createRagtrail, type Actor, type Ragtrail } from '@ragtrail/core';
import { directData } from '../src/sources/direct.js';
import { App } from '../src/ui/App.js';
import { summaryText } from '../src/cli/format.js';
import { admin, board, officer, reviewer, steppingClock } from './fixtures.js';
import { keys, plain, pressKeys, screenDeadlineMs, until } from './ui-helpers.js';

// A plan on the Ofsted tracker's scheme, whose "Not achieved 3" is the longest label shipped: what
// people read at 80 columns, in the terminal UI and the command line's summary.
vi.setConfig({ testTimeout: 4 * screenDeadlineMs });
afterEach(() => cleanup());

const planId = 'tracker';
const digest = (n: number) => n.toString(16).padStart(64, '0');

async function trackerPlan(): Promise<Ragtrail> {
  const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock() });
  await rt.createPlan({ planId, title: 'Ofsted improvement plan: recommendations of the February 2016 inspection', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, { actor: admin });
  await rt.execute(planId, 'AddPriority', { number: 1, title: 'Leadership, management and governance of the help and protection of children' }, { actor: admin });
  for (const [ref, title] of [['R1', 'Management oversight of casework'], ['R2', 'Return home interviews'], ['R3', 'Supervision of social workers'], ['R4', 'Care leavers in suitable accommodation']] as const)
    await rt.execute(planId, 'AddAction', { ref, priorityId: 'p1', title }, { actor: admin });
  await rt.execute(planId, 'OpenReview', { period: '2017-03', reviewer: 'Rory Patterson', reviewDate: '2017-03-28' }, { actor: reviewer });
  for (const [ref, score] of [['R1', 3], ['R2', 3], ['R3', 2], ['R4', 3]] as const)
    await rt.execute(planId, 'RecordEntry', { action: ref, period: '2017-03', score, update: `Baseline for ${ref}` }, { actor: officer });
  await rt.execute(planId, 'SignOffReview', { period: '2017-03' }, { actor: board });
  await rt.execute(planId, 'OpenReview', { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, { actor: reviewer });
  await rt.execute(planId, 'RecordEntry', { action: 'R3', period: '2017-04', score: 1, update: 'Supervision audits complete' }, { actor: officer, reason: 'Audit shows 95% compliance' });
  for (let n = 1; n <= 5; n++)
    await rt.execute(planId, 'AttachEvidence', { action: 'R3', title: `Supervision audit number ${n}`, kind: 'audit', observedOn: '2017-03-3' + (n % 2), contentHash: digest(n) }, { actor: officer });
  return rt;
}

async function open(actor: Actor | null = officer) {
  const rt = await trackerPlan();
  const app = render(<App data={directData(rt, actor, 'memory:')} theme={{ colour: true, width: 80, height: 24 }} planId={planId} />);
  const frame = () => {
    const text = plain(app.lastFrame());
    const rows = text.split('\n');
    if (rows.some((row) => row.length > 80) || rows.length > 24) throw new Error(`The screen does not fit 80x24:\n${text}`);
    return text;
  };
  await until(frame, 'Exceptions');
  return { rt, app, frame, press: (...sequence: string[]) => pressKeys(app.stdin, ...sequence) };
}

/** Opens the first priority's first action and presses `r` (record a month) there, as `actor`. */
async function pressRecordOnAnAction(actor: Actor | null) {
  const opened = await open(actor);
  const { frame, press } = opened;
    await press(keys.enter);
    await until(frame, 'Return home interviews');
    await press(keys.enter);
    await until(frame, 'Audit trail');
    await press('r');
  return opened;
}

describe('a lower-is-better plan at 80 columns', () => {
  it('shows "Not achieved 3" whole on the dashboard, with the actions carried forward counted and explained', async () => {
    const { frame } = await open();
    const screen = frame();
    expect(screen).toMatch(/> 1\. Leadership, management an…\s+2\.8\s+2\.5 ↑\s+Not achieved 3\s+C1 I0 N3\s+3\/4/);
    expect(screen).toMatch(/Overall\s+2\.8\s+2\.5 ↑\s+3\/4/);
    // The plan's whole title in the header, wrapped rather than cut.
    expect(screen.replace(/\s+/g, ' ')).toContain('ragtrail · Ofsted improvement plan: recommendations of the February 2016 inspection · Iqbal Vaza (officer)');
    // The selected priority's whole name, and the legend naming each initial and what "carried" means.
    expect(screen.replace(/\s+/g, ' ')).toContain('1. Leadership, management and governance of the help and protection of children');
    expect(screen.replace(/\s+/g, ' ')).toContain('C Completed (1), I In progress (2), N Not achieved (3). Carried: actions not updated for 2017-04, their earlier score carried forward (3 of 4).');
  });

  it('shows the whole label on every action row and says which scores are carried forward', async () => {
    const { frame, press } = await open();
    await press(keys.enter);
    const screen = await until(frame, 'Return home interviews');
    expect(screen).toContain('3 of 4 not updated for 2017-04: their earlier score is carried forward');
    expect(screen).toMatch(/R1\s+Management oversight of ?…\s+Not achieved 3\s+3\s+→?\s+not updated/);
    expect(screen).toMatch(/R3\s+Supervision of social wo?…\s+Completed 1\s+2\s+↑/);
    expect(screen).toMatch(/R4\s+Care leavers in suitable?…\s+Not achieved 3\s+3\s+not updated/);
    // The selected action's title, cut in its column, is written whole under the list.
    expect(screen).toMatch(/^ {2}R1 Management oversight of casework$/m);
  });

  it("the CLI summary writes the worst score's label whole at 80 columns, with the carried count", async () => {
    const rt = await trackerPlan();
    const lines = summaryText(await rt.summary(planId));
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines.join('\n')).toMatch(/1\. Leadership.*2\.8\s+2\.5\s+↑ Not achieved \(3\)\s+C1 I0 N3\s+3\/4/);
    expect(lines.join(' ')).toContain('N Not achieved (3)');
  });
});

describe('the action screen', () => {
  it('counts the evidence it lists and says where the rest is; the audit trail reads as sentences in the rows left', async () => {
    const { frame, press } = await open();
    await press(keys.enter);
    await until(frame, 'Return home interviews');
    await press('j', 'j', keys.enter);
    const screen = await until(frame, 'Audit trail (8)');
    expect(screen).toContain('Evidence (5; the latest 2 listed)');
    expect(screen.slice(0, screen.indexOf('Audit trail')).match(/Supervision audit number \d/g)).toEqual(['Supervision audit number 4', 'Supervision audit number 5']);
    expect(screen).toContain('… 3 earlier: ragtrail evidence --plan tracker --action R3');
    const audit = screen.slice(screen.indexOf('Audit trail (8)'));
    // The newest record whole, in sentences (no ids, no JSON), and where the earlier ones are.
    expect(audit).toMatch(/Iqbal Vaza \(officer\): Evidence attached\. Title set to\s+“Supervision audit number 5”\. Kind of evidence set to audit\./);
    expect(audit.replace(/\s+/g, ' ')).toContain(`Content hash set to ${digest(5)}.`);
    expect(audit).toMatch(/… \d earlier: ragtrail audit --plan tracker --action R3/);
    expect(audit).not.toMatch(/[{}]|null|→|evidence-\d/);
    // The pane takes the rows there are: a record more would not fit in 24 rows.
    expect(screen.split('\n').length).toBeGreaterThanOrEqual(22);
  });

  it('r without an acting person says why it cannot record and how to set one', async () => {
    const { frame } = await pressRecordOnAnAction(null);
    const screen = await until(frame, 'Cannot record: no acting person');
    expect(screen.replace(/\s+/g, ' ')).toContain('--actor "Your Name:officer" or RAGTRAIL_ACTOR="Your Name:officer"');
    expect(screen).not.toContain('Record a month');
  });

  it('r as a viewer names the roles that may record', async () => {
    const viewer: Actor = { id: 'v', name: 'Ina Spector', role: 'viewer' };
    const { frame } = await pressRecordOnAnAction(viewer);
    const screen = await until(frame, 'Cannot record');
    expect(screen.replace(/\s+/g, ' ')).toContain('A viewer may not record an entry; that needs the officer, reviewer or admin role');
  });
});

describe('time travel', () => {
  it("states the revision of the event just applied, the one the dashboard below shows", async () => {
    const { frame, press } = await open();
    await press('t');
    let screen = await until(frame, 'TIME TRAVEL');
    const revisionOf = (text: string) => ({ header: /event \d+\/\d+ \(revision (\d+)\)/.exec(text)?.[1], board: /· revision (\d+)/.exec(text)?.[1] });
    expect(revisionOf(screen).header).toBeDefined();
    expect(revisionOf(screen).header).toBe(revisionOf(screen).board);
    await press('[');
    screen = await until(frame, /event \d+\/\d+ \(revision \d+\)/);
    await until(frame, 'ReviewSignedOff');
    screen = frame();
    expect(revisionOf(screen).header).toBe(revisionOf(screen).board);
  });
});
