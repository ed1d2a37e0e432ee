import { describe, expect, it } from 'vitest';
import { createRagtrail } from '@ragtrail/core';
import { memoryStoreNamed } from '@ragtrail/stores';
import { exceptionsText } from '../src/cli/format.js';
import { runCliCaptured as run, seededStoreUrl as seeded } from './cli-run.js';

const as = (role: string) => ['--actor', `A ${role}`, '--role', role];

/** The seeded plan with an indicator off its target and a milestone past its date, both in May 2017. */
async function withOutcomeExceptions(): Promise<string> {
  const store = await seeded();
  const rt = createRagtrail({ store: memoryStoreNamed(store.slice('memory:'.length)) });
  await rt.execute('dev-plan', 'AddAction', { ref: 'P1.3', priorityId: 'p1', title: 'Exit interviews', milestones: [{ text: 'Exit interview form agreed with the unions and in use across every team', dueDate: '2017-05-15' }] }, { actor: { id: 'a', name: 'Ann Admin', role: 'admin' } });
  const steps = [
    [...as('admin'), 'indicator', 'add', '--plan', 'dev-plan', '--id', 'agency', '--name', 'Agency social workers', '--unit', '%', '--better', 'lower', '--source', 'HR'],
    [...as('officer'), 'indicator', 'record', '--plan', 'dev-plan', '--indicator', 'agency', '--period', '2017-05', '--value', '39'],
    [...as('reviewer'), 'indicator', 'target', '--plan', 'dev-plan', '--indicator', 'agency', '--by', '2017-05', '--value', '20', '--tolerance', '5'],
  ];
  for (const args of steps) expect(await run([...args, '--store', store])).toMatchObject({ code: 0, err: '' });
  return store;
}

describe('ragtrail exceptions', () => {
  it("lists the outcomes' exceptions after the actions', their kind in words, every line within 80 columns", async () => {
    const store = await withOutcomeExceptions();
    const { code, out, err } = await run(['exceptions', '--store', store, '--plan', 'dev-plan', '--period', '2017-05']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.trimEnd().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    const lastAction = at(/^ {2}not-updated\s+P2\.1\s/);
    const offTarget = at(/^ {2}indicator off target agency\s+Agency social workers: 39% in May 2017; off$/);
    const milestone = at(/^ {2}milestone not met\s+P1\.3 #1\s+P1\.3 milestone 1 "Exit interview form agreed$/);
    expect(lastAction).toBeGreaterThan(0);
    expect(offTarget).toBeGreaterThan(lastAction);
    expect(milestone).toBeGreaterThan(offTarget);
    // The sentence carries on under its own column, not under the kind.
    expect(lines[offTarget + 1]).toBe(`${' '.repeat(36)}target (20%).`);
    expect(lines.slice(milestone + 1).join(' ').replace(/\s+/g, ' ').trim()).toBe('with the unions and in use across every team" was due on 2017-05-15 and is not recorded as met');
  });

  it('passes the outcomes through as JSON beside the actions\' exceptions', async () => {
    const store = await withOutcomeExceptions();
    const { out } = await run(['exceptions', '--store', store, '--plan', 'dev-plan', '--period', '2017-05', '--json']);
    const result = JSON.parse(out) as { period: string; exceptions: unknown[]; outcomes: unknown[] };
    expect(result.period).toBe('2017-05');
    expect(result.exceptions).toContainEqual(expect.objectContaining({ kind: 'worst-level', ref: 'P2.1' }));
    expect(result.outcomes).toEqual([
      { kind: 'off-target', ref: 'agency', actionId: null, indicatorId: 'agency', message: 'Agency social workers: 39% in May 2017; off target (20%).' },
      expect.objectContaining({ kind: 'milestone', ref: 'P1.3 #1', indicatorId: null, message: expect.stringContaining('was due on 2017-05-15 and is not recorded as met') }),
    ]);
  });

  it('does not say "No exceptions" when only the outcomes have some', () => {
    const late = { kind: 'milestone' as const, ref: 'P1.3 #1', actionId: 'p1-3', indicatorId: null, message: 'P1.3 milestone 1 "Form agreed" was missed' };
    expect(exceptionsText('2017-05', [], [late])).toEqual(['Exceptions in 2017-05:', `  ${'milestone not met'.padEnd(20)} ${'P1.3 #1'.padEnd(12)} P1.3 milestone 1 "Form agreed" was missed`]);
    expect(exceptionsText('2017-05', [], [])).toEqual(['No exceptions in 2017-05.']);
  });
});
