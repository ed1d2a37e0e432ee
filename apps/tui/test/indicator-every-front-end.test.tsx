/** @jsxRuntime automatic @jsxImportSource react */
// Issue 15's end-to-end check: the child-protection rate recorded as 68 then 54, with statistical
// neighbours at 54.6, through the real command line into one SQLite file, then read back as
// "improving" and "better than statistical neighbours" by every front end over that file: the
// command line, the HTTP API and dashboard page, the terminal UI and the board report.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createRagtrail, type Ragtrail } from '@ragtrail/core';
import { admin, seedPlan } from '@ragtrail/core/testing';
import { createApp } from '@ragtrail/http';
import { renderBoardReport } from '@ragtrail/reports';
import { openStore } from '@ragtrail/stores';
import { directData } from '../src/sources/direct.js';
import { App } from '../src/ui/App.js';
import { ragtrail } from './child.js';
import { officer } from './fixtures.js';
import { pressKeys, plain, screenDeadlineMs, until } from './ui-helpers.js';

// Each command line step starts a Node process: seconds each on a busy machine.
vi.setConfig({ testTimeout: 600_000 });
afterEach(() => cleanup());

const dir = mkdtempSync(join(tmpdir(), 'ragtrail-indicator-e2e-'));
const store = `sqlite:${join(dir, 'ragtrail.db')}`;
const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function facade(): Promise<Ragtrail> {
  const s = await openStore(store);
  opened.push(s);
  return createRagtrail({ store: s });
}

const cli = async (...args: string[]) => {
  const r = await ragtrail([...args, '--store', store]);
  expect(r.code, `ragtrail ${args.join(' ')}\n${r.err}`).toBe(0);
  return r.out;
};
const as = (role: string) => ['--actor', `A ${role}`, '--role', role];

describe('an indicator recorded through the command line reads the same in every front end', () => {
  it('68 then 54 per 10,000 against statistical neighbours at 54.6: improving, and better than them', async () => {
    await seedPlan(await facade());
    await cli(...as('admin'), 'indicator', 'add', '--plan', 'dev-plan', '--id', 'cp-rate', '--name', 'Children on a child protection plan', '--unit', 'per 10,000', '--better', 'lower', '--priority', 'p1', '--source', 'DfE CIN census');
    await cli(...as('officer'), 'indicator', 'record', '--plan', 'dev-plan', '--indicator', 'cp-rate', '--period', '2017-03', '--value', '68');
    await cli(...as('officer'), 'indicator', 'record', '--plan', 'dev-plan', '--indicator', 'cp-rate', '--period', '2018-03', '--value', '54', '--comparator', 'statistical neighbours=54.6', '--comparator-source', 'DfE SFA 2018');

    // The command line.
    const text = await cli('indicators', '--plan', 'dev-plan');
    expect(text).toContain('improving');
    expect(text).toContain('better than statistical neighbours');

    // The HTTP API and the dashboard page, in process over the same file.
    const rt = await facade();
    const { token } = await rt.issueToken({ name: 'Board reader', role: 'viewer' }, { actor: admin });
    const app = createApp({ ragtrail: rt });
    const api = (await (await app.request('/api/plans/dev-plan/indicators', { headers: { authorization: `Bearer ${token}` } })).json()) as { indicators: unknown[] };
    expect(api.indicators[0]).toMatchObject({ direction: 'improving', comparators: { 'statistical neighbours': { value: 54.6, better: true } } });
    const page = await (await app.request('/plans/dev-plan?period=2018-03', { headers: { cookie: `ragtrail_token=${token}` } })).text();
    expect(page).toMatch(/↑ <\/span>improving/);
    expect(page).toContain('better than statistical neighbours (54.6 per 10,000)');

    // The terminal UI.
    const ui = render(<App data={directData(rt, officer, store)} theme={{ colour: false, width: 80, height: 24 }} planId="dev-plan" />);
    const frame = () => plain(ui.lastFrame());
    await until(frame, 'Exceptions', screenDeadlineMs);
    await pressKeys(ui.stdin, 'i');
    const screen = (await until(frame, 'Indicators, latest values', screenDeadlineMs)).replace(/\s+/g, ' ');
    expect(screen).toContain('improving');
    expect(screen).toContain('better than statistical neighbours (54.6)');

    // The board report.
    const report = (await renderBoardReport(rt, { planId: 'dev-plan', period: '2018-03', format: 'md' })).body.toString();
    expect(report).toContain('improving');
    expect(report).toContain('better than statistical neighbours (54.6 per 10,000)');
  });
});
