import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRagtrail } from '@ragtrail/core';
import { memoryStoreNamed } from '@ragtrail/stores';
import { runCli } from '../src/cli/program.js';
import { captureIo, seedPlan, steppingClock } from './fixtures.js';

describe('ragtrail audit, as text', () => {
  it('reads as sentences with the level names, the reason and who, within 80 columns', async () => {
    const store = `memory:${randomUUID()}`;
    await seedPlan(createRagtrail({ store: memoryStoreNamed(store.slice('memory:'.length)), now: steppingClock() }));
    const c = captureIo({});
    expect(await runCli(['audit', '--store', store, '--plan', 'dev-plan', '--action', 'P1.1'], c.io)).toBe(0);
    const text = c.out();
    for (const row of text.trimEnd().split('\n')) expect(row.length, row).toBeLessThanOrEqual(80);
    expect(text).toContain('2017-04-01 09:13:00  Iqbal Vaza (officer)  Entry recorded  P1.1  2017-05');
    expect(text.replace(/\s+/g, ' ')).toContain('Score set to 3 (Green). Update set to “Agency staff 39”. Stated direction set to Improving. Reason: “Recruitment drive landed”.');
    expect(text.replace(/\s+/g, ' ')).toContain('Due date set to 2018-12-31.');
    expect(text).not.toMatch(/→|[{}]|=null/);
  });
});
