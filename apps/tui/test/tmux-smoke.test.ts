import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRagtrail } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import { binPath, repoRoot } from './child.js';
import { seedPlan, steppingClock } from './fixtures.js';
import { sleep } from './ui-helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('[apps/tui] tmux is not installed (apt-get install -y tmux): the pseudo-terminal smoke test is skipped');

// A server of our own, so the test never touches anyone's tmux sessions.
const socket = `ragtrail-test-${randomUUID().slice(0, 8)}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', env: { ...process.env, TERM: 'xterm-256color' } });
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function screenShows(session: string, text: string | RegExp, timeoutMs = 45_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', session);
    if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for "${text}"; the terminal shows:\n${screen}`);
    await sleep(100);
  }
}

/**
 * One key, as a person types it, then a wait until the screen shows what the key does: the next
 * key goes to the screen that key opened, never to one still on its way.
 */
async function press(session: string, key: string, shows: string | RegExp): Promise<string> {
  tmux('send-keys', '-t', session, key);
  return screenShows(session, shows);
}

/**
 * Waits until the UI has put its terminal in raw mode (stty shows -icanon): before that the
 * terminal's line discipline would hold and echo the keys instead of passing them to Ink.
 */
async function rawMode(session: string, timeoutMs = 30_000): Promise<void> {
  const tty = tmux('display-message', '-p', '-t', session, '#{pane_tty}').trim();
  const start = Date.now();
  while (!/(^|\s)-icanon(\s|$)/.test(spawnSync('stty', ['-a', '-F', tty], { encoding: 'utf8' }).stdout)) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${tty} to be in raw mode`);
    await sleep(50);
  }
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe.skipIf(!hasTmux)('ragtrail tui in a real pseudo-terminal (tmux, 80x24)', () => {
  it('navigates to an action, records an entry, quits, and the store has it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-tmux-'));
    const planId = 'dev-plan';
    const url = `sqlite:${join(dir, 'ragtrail.db')}`;
    const seeding = createRagtrail({ store: await openStore(url), now: steppingClock() });
    await seedPlan(seeding, planId);
    await seeding.close();
    const launch = `RAGTRAIL_STORE=${quote(url)} ${quote(process.execPath)} --import tsx ${quote(binPath)} tui`;

    const session = 'smoke';
    // Ink renders only its last frame when it believes it runs in CI (is-in-ci reads CI): a person's
    // terminal has no CI variable, so the UI under test must not inherit the test runner's.
    const command = `cd ${quote(repoRoot)} && unset CI CONTINUOUS_INTEGRATION && NO_COLOR=1 RAGTRAIL_ACTOR=${quote('Iqbal Vaza:officer')} ${launch}; echo "exit=$?"; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);

    const dashboard = await screenShows(session, 'Exceptions (3)');
    expect(dashboard).toMatch(/\[Green 3\]/);
    await rawMode(session);
    await press(session, 'Enter', 'Supervision compliance');
    await press(session, 'j', /^> P1\.2/m);
    await press(session, 'Enter', 'Audit trail');
    await press(session, 'r', 'Record a month: P1.2');
    await press(session, 'Tab', /^> Update/m);
    tmux('send-keys', '-t', session, '-l', 'Supervision held at 85%');
    await screenShows(session, 'Supervision held at 85%');
    await press(session, 'Tab', /^> Direction/m);
    await press(session, 'Right', '‹ Improving ›');
    await press(session, 'Right', '‹ Maintained ›');
    await press(session, 'Tab', /^> Reason/m);
    await press(session, 'Tab', /^> Save/m);
    await press(session, 'Enter', 'Recorded P1.2 2017-05: Green (3)');
    await press(session, 'q', 'exit=0');

    const rt = createRagtrail({ store: await openStore(url) });
    try {
      const last = (await rt.audit(planId, { action: 'P1.2' })).records.at(-1)!;
      expect(last).toMatchObject({ type: 'EntryRecorded', period: '2017-05', actor: { name: 'Iqbal Vaza', role: 'officer' } });
      const state = await rt.loadPlan(planId);
      expect(state.entries.get('p1-2')!.get('2017-05')).toMatchObject({ score: 3, update: 'Supervision held at 85%', statedDirection: 'Maintained' });
      expect((await rt.verify()).ok).toBe(true);
    } finally {
      await rt.close();
    }
  });
});
