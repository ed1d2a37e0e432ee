// Over 250 lines: every command of the command line in process, one case each, sharing one seeded store helper.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { createRagtrail, GENESIS_HASH, type RagSummary } from '@ragtrail/core';
import { buildProgram, runCli } from '../src/cli/program.js';
import { memoryStoreNamed } from '@ragtrail/stores';
import { captureIo, seedPlan, steppingClock } from './fixtures.js';

/** A fresh named in-process store holding the seeded plan. */
async function seeded(): Promise<string> {
  const url = `memory:${randomUUID()}`;
  const rt = createRagtrail({ store: memoryStoreNamed(url.slice('memory:'.length)), now: steppingClock() });
  await seedPlan(rt);
  return url;
}

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  const c = captureIo(env);
  const code = await runCli(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

const officer = ['--actor', 'Iqbal Vaza', '--role', 'officer'];

function allCommands(command: Command, path: string[] = []): string[][] {
  return command.commands.flatMap((c) => [[...path, c.name()], ...allCommands(c, [...path, c.name()])]);
}

describe('ragtrail command line, in-process', () => {
  it('answers --help on the program and on every command with exit 0', async () => {
    const root = await run(['--help']);
    expect(root.code).toBe(0);
    expect(root.out).toContain('Usage: ragtrail');
    const paths = allCommands(buildProgram(captureIo().io));
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['plans', 'summary', 'exceptions', 'audit', 'evidence', 'record', 'correct', 'review open', 'review sign-off', 'attach', 'reschedule', 'verify', 'migrate', 'token create', 'tui']));
    for (const path of paths) {
      const r = await run([...path, '--help']);
      expect(r.code, path.join(' ')).toBe(0);
      expect(r.out, path.join(' ')).toContain(`Usage: ragtrail ${path.join(' ')}`);
    }
  });

  it('exits 2 on misuse: unknown command, unknown option, missing required option, a score that is not a number', async () => {
    for (const args of [['bogus'], ['plans', '--bogus'], ['summary'], ['record', '--plan', 'p', '--action', 'a', '--period', '2017-05', '--score', 'high']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/error/);
    }
  });

  it('lists plans and prints the summary as JSON only', async () => {
    const store = await seeded();
    const plans = await run(['plans', '--store', store, '--json']);
    expect(plans.code).toBe(0);
    expect(JSON.parse(plans.out)).toEqual([expect.objectContaining({ planId: 'dev-plan', actions: 3, priorities: 2 })]);
    const summary = await run(['summary', '--store', store, '--plan', 'dev-plan', '--json']);
    const s = JSON.parse(summary.out) as RagSummary;
    expect(s.period).toBe('2017-05');
    expect(s.priorities.map((p) => [p.number, p.previous.mean, p.current.mean, p.direction])).toEqual([[1, 2.5, 3, 'Improving'], [2, 1, 1, 'Maintained']]);
    const april = JSON.parse((await run(['summary', '--store', store, '--plan', 'dev-plan', '--period', '2017-04', '--json'])).out) as RagSummary;
    expect(april.priorities[0]!.current.mean).toBe(2.5);
  });

  it('answers as the store knew it at a moment (--as-of), before a later entry', async () => {
    const store = await seeded();
    // The stepping clock records event n at 09:0n; the May entry for P1.1 is the 13th, at 09:13.
    const before = JSON.parse((await run(['summary', '--store', store, '--plan', 'dev-plan', '--period', '2017-05', '--as-of', '2017-04-01T09:12:30Z', '--json'])).out) as RagSummary;
    expect(before.priorities[0]!.current.mean).toBe(2.5);
    const after = JSON.parse((await run(['summary', '--store', store, '--plan', 'dev-plan', '--period', '2017-05', '--as-of', '2017-04-01T09:13:30Z', '--json'])).out) as RagSummary;
    expect(after.priorities[0]!.current.mean).toBe(3);
    const early = await run(['summary', '--store', store, '--plan', 'dev-plan', '--as-of', '2017-03-01']);
    expect(early.code).toBe(1);
    expect(early.err).toContain('did not exist yet');
  });

  it('prints a readable summary with labels beside every figure', async () => {
    const store = await seeded();
    const r = await run(['summary', '--store', store, '--plan', 'dev-plan']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1\. Workforce\s+2\.5\s+3\.0\s+↑\s+Green \(3\)/);
    expect(r.out).toMatch(/2\. Early help\s+1\.0\s+1\.0\s+→\s+Red \(1\)/);
    expect(r.out).toMatch(/Overall\s+1\.8\s+2\.0/);
  });

  it('answers exceptions, audit and evidence queries as JSON', async () => {
    const store = await seeded();
    const ex = JSON.parse((await run(['exceptions', '--store', store, '--plan', 'dev-plan', '--json'])).out) as { exceptions: { kind: string; ref: string }[] };
    expect(ex.exceptions).toContainEqual(expect.objectContaining({ kind: 'worst-level', ref: 'P2.1' }));
    const audit = JSON.parse((await run(['audit', '--store', store, '--plan', 'dev-plan', '--action', 'P1.1', '--json'])).out) as { total: number; records: { type: string; reason: string | null }[] };
    expect(audit.records.map((r) => r.type)).toEqual(['ActionAdded', 'EntryRecorded', 'EntryRecorded']);
    expect(audit.records[2]!.reason).toBe('Recruitment drive landed');
    const byBoard = JSON.parse((await run(['audit', '--store', store, '--plan', 'dev-plan', '--actor', 'Chief Executive', '--json'])).out) as { records: { type: string }[] };
    expect(byBoard.records.map((r) => r.type)).toEqual(['ReviewSignedOff']);
    const ev = JSON.parse((await run(['evidence', '--store', store, '--plan', 'dev-plan', '--action', 'P1.1', '--json'])).out) as { actions: { ref: string; trajectory: { score: number }[] }[] };
    expect(ev.actions[0]!.trajectory.map((t) => t.score)).toEqual([2, 3]);
  });

  it('refuses a change without an acting person, with one line saying what to add', async () => {
    const store = await seeded();
    const r = await run(['record', '--store', store, '--plan', 'dev-plan', '--action', 'P1.2', '--period', '2017-05', '--score', '3']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('--actor');
  });

  it('records an entry as the acting person from flags, or from RAGTRAIL_ACTOR', async () => {
    const store = await seeded();
    const r = await run(['record', '--store', store, ...officer, '--plan', 'dev-plan', '--action', 'P1.2', '--period', '2017-05', '--score', '3', '--update', 'Held at 85%', '--direction', 'maintained', '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { revision: number; events: { type: string; data: { statedDirection: string } }[] };
    expect(result.events[0]).toMatchObject({ type: 'EntryRecorded', data: { statedDirection: 'Maintained' } });
    const env = await run(['record', '--store', store, '--plan', 'dev-plan', '--action', 'P2.1', '--period', '2017-05', '--score', '1', '--json'], { RAGTRAIL_ACTOR: 'Jo Bloggs:officer' });
    expect(env.code).toBe(0);
    const audit = JSON.parse((await run(['audit', '--store', store, '--plan', 'dev-plan', '--action', 'P2.1', '--json'])).out) as { records: { actor: { name: string; role: string } }[] };
    expect(audit.records.at(-1)!.actor).toMatchObject({ name: 'Jo Bloggs', role: 'officer' });
  });

  it('writes the audit trail as CSV for a spreadsheet, with the same filters', async () => {
    const store = await seeded();
    const out = join(mkdtempSync(join(tmpdir(), 'ragtrail-audit-')), 'audit.csv');
    const r = await run(['audit', '--store', store, '--plan', 'dev-plan', '--action', 'P1.1', '--csv', out, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ out, contentType: 'text/csv; charset=utf-8' });
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe('Recorded at,Revision,Event,Who,Role,Reason,Action,Period,What changed,Event id,Hash');
    expect(text).toContain('Recruitment drive landed');
    expect(text).not.toContain('P1.2');
    expect((await run(['audit', '--store', store, '--plan', 'dev-plan', '--csv', out, '--limit', '5'])).code).toBe(1);
  });

  it('serve says the port is in use, in one line, instead of crashing', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    try {
      const { port } = taken.address() as AddressInfo;
      const r = await run(['serve', '--store', 'memory:', '--port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`ragtrail: Port ${port} on 127.0.0.1 is in use: stop what runs there or choose another with --port\n`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('runs a batch file of commands all or nothing, naming the command a refusal came from', async () => {
    const store = await seeded();
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-batch-'));
    const month = join(dir, 'june.json');
    writeFileSync(month, JSON.stringify({ commands: [
      { type: 'OpenReview', data: { period: '2017-06', reviewer: 'Rory Patterson', reviewDate: '2017-06-28' } },
      { type: 'RecordEntry', data: { action: 'P1.2', period: '2017-06', score: 3, update: 'Supervision 88%' } },
      { type: 'RecordEntry', data: { action: 'P2.1', period: '2017-06', score: 2, update: 'Thresholds agreed' }, reason: 'Thresholds signed off by partners' },
    ] }));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ commands: [{ type: 'OpenReview', data: { period: '2017-06', reviewer: 'R', reviewDate: '2017-06-28' } }, { type: 'RecordEntry', data: { action: 'P9.9', period: '2017-06', score: 3 } }] }));
    const reviewer = ['--actor', 'Rory Patterson:reviewer'];
    const before = JSON.parse((await run(['audit', '--store', store, '--plan', 'dev-plan', '--json'])).out).total as number;
    const refused = await run(['batch', broken, '--store', store, '--plan', 'dev-plan', ...reviewer]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^ragtrail: Command 2 \(RecordEntry\): No action "P9\.9"/);
    writeFileSync(join(dir, 'not.json'), '{"commands": [');
    expect((await run(['batch', join(dir, 'not.json'), '--store', store, '--plan', 'dev-plan', ...reviewer])).err).toContain('is not JSON');
    expect(JSON.parse((await run(['audit', '--store', store, '--plan', 'dev-plan', '--json'])).out).total).toBe(before);
    const landed = await run(['batch', month, '--store', store, '--plan', 'dev-plan', ...reviewer, '--reason', 'June review', '--json']);
    expect(landed.code, landed.err).toBe(0);
    expect(JSON.parse(landed.out).events.map((e: { type: string }) => e.type)).toEqual(['ReviewOpened', 'EntryRecorded', 'EntryRecorded']);
    const summary = JSON.parse((await run(['summary', '--store', store, '--plan', 'dev-plan', '--period', '2017-06', '--json'])).out) as RagSummary;
    expect(summary.priorities.map((p) => p.current.mean)).toEqual([3, 2]);
  });

  it("maps the core's refusals to exit 1 with its message, and writes nothing", async () => {
    const store = await seeded();
    const before = JSON.parse((await run(['audit', '--store', store, '--plan', 'dev-plan', '--json'])).out) as { total: number };
    const cases: [string[], RegExp][] = [
      [['record', ...officer, '--plan', 'dev-plan', '--action', 'P1.2', '--period', '2017-05', '--score', '2'], /A reason is required/],
      [['record', ...officer, '--plan', 'dev-plan', '--action', 'P1.2', '--period', '2017-05', '--score', '9'], /Score 9 is not a level/],
      [['record', ...officer, '--plan', 'dev-plan', '--action', 'P9.9', '--period', '2017-05', '--score', '2'], /P9\.9/],
      [['record', ...officer, '--plan', 'dev-plan', '--action', 'P1.2', '--period', '2017-13', '--score', '2'], /period: must be a month written YYYY-MM/],
      [['record', '--actor', 'Ivy Inspector', '--role', 'viewer', '--plan', 'dev-plan', '--action', 'P1.2', '--period', '2017-05', '--score', '3'], /A viewer may not record an entry: that needs the officer, reviewer or admin role/],
      [['record', '--actor', 'Someone', '--role', 'wizard', '--plan', 'dev-plan', '--action', 'P1.2', '--period', '2017-05', '--score', '3'], /Unknown role "wizard"/],
      [['summary', '--plan', 'nope'], /No plan nope/],
      [['summary', '--plan', 'dev-plan', '--as-of', 'yesterday'], /ISO-8601/],
      // A field the core names is shown as the flag the person typed.
      [['reschedule', '--actor', 'Rory Patterson:reviewer', '--plan', 'dev-plan', '--action', 'P1.1', '--due', '2019-13-01', '--approved-by', 'DCS', '--reason', 'Agreed'], /^ragtrail: --due: must be a real calendar date\n$/],
      [['attach', ...officer, '--plan', 'dev-plan', '--action', 'P1.1', '--title', 'Audit', '--kind', 'audit', '--observed-on', '2017-02-30', '--link', 'https://example.org/a'], /^ragtrail: --observed-on: must be a real calendar date\n$/],
    ];
    for (const [args, message] of cases) {
      const r = await run(['--store', store, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe('');
    }
    const after = JSON.parse((await run(['audit', '--store', store, '--plan', 'dev-plan', '--json'])).out) as { total: number };
    expect(after.total).toBe(before.total);
  });

  it('corrects with a reason, opens and signs off reviews, attaches evidence and reschedules', async () => {
    const store = await seeded();
    const board = ['--actor', 'Chief Executive:board'];
    const reviewer = ['--actor', 'Rory Patterson:reviewer'];
    expect((await run(['correct', '--store', store, ...reviewer, '--plan', 'dev-plan', '--action', 'P1.1', '--period', '2017-04'])).code).toBe(2);
    const corrected = await run(['correct', '--store', store, ...reviewer, '--plan', 'dev-plan', '--action', 'P1.1', '--period', '2017-04', '--score', '1', '--reason', 'Agency figures were misread']);
    expect(corrected.code).toBe(0);
    expect(corrected.out).toContain('Corrected P1.1 2017-04');
    const unacknowledged = await run(['review', 'sign-off', '--store', store, ...board, '--plan', 'dev-plan', '--period', '2017-05']);
    expect(unacknowledged.code).toBe(1);
    expect(unacknowledged.err).toContain('2 of 3 actions were not updated for May 2017');
    expect((await run(['review', 'sign-off', '--store', store, ...board, '--plan', 'dev-plan', '--period', '2017-05', '--reason', '2 actions not updated: carried forward, noted by the board'])).code).toBe(0);
    expect((await run(['review', 'open', '--store', store, ...reviewer, '--plan', 'dev-plan', '--period', '2017-06', '--reviewer', 'Rory Patterson', '--date', '2017-06-30'])).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-cli-'));
    const file = join(dir, 'audit.pdf');
    writeFileSync(file, 'case file audit');
    const attached = await run(['attach', '--store', store, ...officer, '--plan', 'dev-plan', '--action', 'P1.1', '--title', 'Case file audit', '--kind', 'audit', '--observed-on', '2017-06-10', '--file', file, '--json']);
    expect(attached.code).toBe(0);
    expect((JSON.parse(attached.out) as { events: { data: { contentHash: string } }[] }).events[0]!.data.contentHash).toBe(createHash('sha256').update('case file audit').digest('hex'));
    expect((await run(['reschedule', '--store', store, ...reviewer, '--plan', 'dev-plan', '--action', 'P1.2', '--due', '2018-03-31', '--approved-by', 'Improvement Board', '--reason', 'Recruitment freeze until January'])).code).toBe(0);
    const audit = JSON.parse((await run(['audit', '--store', store, '--plan', 'dev-plan', '--since', '2000-01-01', '--json'])).out) as { records: { type: string }[] };
    expect(audit.records.slice(-5).map((r) => r.type)).toEqual(['EntryCorrected', 'ReviewSignedOff', 'ReviewOpened', 'EvidenceAttached', 'ActionRescheduled']);
    const missing = await run(['attach', '--store', store, ...officer, '--plan', 'dev-plan', '--action', 'P1.1', '--title', 'x', '--observed-on', '2017-06-10', '--file', join(dir, 'nope.pdf')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nope.pdf: no such file');
  });

  it('builds a plan by hand', async () => {
    const store = `memory:${randomUUID()}`;
    const admin = ['--actor', 'Ann Admin:admin'];
    const created = JSON.parse((await run(['plan', 'create', '--store', store, ...admin, '--title', 'Ofsted tracker', '--organisation', 'Thurrock Council', '--scheme', 'ofsted-tracker-3', '--id', 'tracker', '--json'])).out) as { planId: string };
    expect(created.planId).toBe('tracker');
    expect((await run(['priority', 'add', '--store', store, ...admin, '--plan', 'tracker', '--number', '1', '--title', 'Recommendations'])).code).toBe(0);
    const action = JSON.parse((await run(['action', 'add', '--store', store, ...admin, '--plan', 'tracker', '--ref', 'Ofsted 1', '--title', 'Return interviews', '--priority', 'p1', '--owner', 'Head of Service', '--json'])).out) as { actionId: string };
    expect(action.actionId).toBe('ofsted-1');
    const plans = JSON.parse((await run(['plans', '--store', store, '--json'])).out) as { schemeId: string; actions: number }[];
    expect(plans).toEqual([expect.objectContaining({ schemeId: 'ofsted-tracker-3', actions: 1 })]);
  });

  it('verifies chains: exit 0 when they hold, 1 naming the first broken event', async () => {
    const store = await seeded();
    const ok = await run(['verify', '--store', store, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, streams: 1, events: 13 });
    const name = store.slice('memory:'.length);
    const [first] = await memoryStoreNamed(name).readStream('plan-dev-plan', { maxCount: 1 });
    await memoryStoreNamed(name).append('plan-forged', [{ ...first!, stream: 'plan-forged', recordedAt: new Date().toISOString(), prevHash: GENESIS_HASH, hash: 'f'.repeat(64) }], { expectedRevision: -1 });
    const broken = await run(['verify', '--store', store]);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('Broken: plan-forged at revision 0');
    expect(broken.err).toContain('plan-forged@0');
  });

  it('migrates a log into an empty store and refuses a non-empty one', async () => {
    const from = await seeded();
    const to = `memory:${randomUUID()}`;
    const r = await run(['migrate', '--from', from, '--to', to, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ events: 13, streams: 1, target: { ok: true } });
    expect(JSON.parse((await run(['plans', '--store', to, '--json'])).out)).toHaveLength(1);
    const again = await run(['migrate', '--from', from, '--to', to]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('not empty');
  });

  it('issues tokens for admins only and never lists their secrets', async () => {
    const store = `memory:${randomUUID()}`;
    const issued = await run(['token', 'create', '--store', store, '--actor', 'Ann Admin:admin', '--name', 'Board viewer', '--role', 'viewer', '--json']);
    expect(issued.code).toBe(0);
    const token = JSON.parse(issued.out) as { token: string; role: string };
    expect(token).toMatchObject({ role: 'viewer', token: expect.stringMatching(/^rgt_/) });
    const rt = createRagtrail({ store: memoryStoreNamed(store.slice('memory:'.length)) });
    expect(await rt.authenticate(token.token)).toMatchObject({ name: 'Board viewer', role: 'viewer' });
    const listed = await run(['token', 'list', '--store', store, '--json']);
    expect(listed.out).not.toContain(token.token);
    const refused = await run(['token', 'create', '--store', store, '--actor', 'Olu Officer:officer', '--name', 'x', '--role', 'admin']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('An officer may not issue a token: that needs the admin role');
  });

  it('refuses an unknown store URL with what to use instead', async () => {
    const r = await run(['plans', '--store', 'mysql://x']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/use sqlite:PATH.*, memory: or esdb:\/\//);
    const env = await run(['plans'], { RAGTRAIL_STORE: 'nosuch:' });
    expect(env.err).toContain('Unknown store URL "nosuch:"');
  });
});
