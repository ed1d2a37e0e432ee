import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ragtrail } from './child.js';

// Each case starts the real binary (through tsx) several times: seconds apiece on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

describe('ragtrail as a real child process', () => {
  it('prints help on stdout and exits 0', async () => {
    const r = await ragtrail(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: ragtrail');
    expect(r.err).toBe('');
  });

  it('exits 2 on misuse with the error on stderr', async () => {
    const r = await ragtrail(['summary', '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain("required option '--plan <id>' not specified");
  });

  it('prints only JSON on stdout with --json, and exits 1 with one line on a user error', async () => {
    const plans = await ragtrail(['plans', '--store', 'memory:', '--json']);
    expect(plans.code).toBe(0);
    expect(JSON.parse(plans.out)).toEqual([]);
    const verify = await ragtrail(['verify', '--json'], { RAGTRAIL_STORE: 'memory:' });
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true, streams: 0, events: 0, catalogue: { ok: true }, checkpoints: { ok: true, logSize: 0 } });
    const missing = await ragtrail(['summary', '--store', 'memory:', '--plan', 'nope', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err).toBe('ragtrail: No plan nope: list plans to see their ids\n');
  });

  it('refuses the interactive UI without a terminal, pointing at the scriptable command', async () => {
    const r = await ragtrail(['tui', '--store', 'memory:']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('needs an interactive terminal');
  });

  it('builds, records, queries and verifies a plan across processes in one SQLite file', async () => {
    const store = `sqlite:${join(mkdtempSync(join(tmpdir(), 'ragtrail-child-')), 'nested', 'ragtrail.db')}`;
    const env = { RAGTRAIL_STORE: store };
    const steps: string[][] = [
      ['plan', 'create', '--actor', 'Ann Admin:admin', '--id', 'dev', '--title', 'Development Plan', '--organisation', 'Thurrock Council'],
      ['priority', 'add', '--actor', 'Ann Admin:admin', '--plan', 'dev', '--number', '1', '--title', 'Workforce'],
      ['action', 'add', '--actor', 'Ann Admin:admin', '--plan', 'dev', '--ref', 'P1.1', '--title', 'Agency staff', '--priority', 'p1'],
      ['review', 'open', '--actor', 'Rory Patterson:reviewer', '--plan', 'dev', '--period', '2018-01', '--reviewer', 'Rory Patterson', '--date', '2018-01-29'],
    ];
    for (const step of steps) expect((await ragtrail(step, env)).code, step.join(' ')).toBe(0);
    const recorded = await ragtrail(['record', '--plan', 'dev', '--action', 'P1.1', '--period', '2018-01', '--score', '2', '--update', 'Agency down to 39', '--json'], { ...env, RAGTRAIL_ACTOR: 'Iqbal Vaza:officer' });
    expect(recorded.code).toBe(0);
    expect(JSON.parse(recorded.out)).toMatchObject({ planId: 'dev', revision: 4 });
    const summary = JSON.parse((await ragtrail(['summary', '--plan', 'dev', '--json'], env)).out) as { priorities: { current: { mean: number } }[] };
    expect(summary.priorities[0]!.current.mean).toBe(2);
    const verify = await ragtrail(['verify'], env);
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('Every chain holds: 5 events in 1 streams.');
  });
});
