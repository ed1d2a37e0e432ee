import { describe, expect, it } from 'vitest';
import { exceptionLine, exceptionSentences, type BoardModel } from '../src/model.js';
import { renderBoardReport } from '../src/index.js';
import { boardFixture } from './fixture.js';

/** The report's exception sentences for a list of exceptions, as the core might answer them. */
const sentences = (exceptions: { kind: string; message: string; title?: string }[]) =>
  exceptionSentences({ exceptions, summary: { previousPeriod: '2026-02' } } as unknown as BoardModel);

describe('exceptions in the report', () => {
  it('lists a kind the report has no sentence for, after the known kinds, in words', () => {
    const groups = sentences([
      { kind: 'off-target', message: 'Children on a child protection plan: 68 per 10,000 in 2017-03, off target (54 per 10,000)' },
      { kind: 'declining', message: '2.1 declined from 3 to 1', title: 'Timely MASH decisions' },
      { kind: 'milestone', message: '1.1 milestone 2 was due on 2026-02-28 and is not met' },
      { kind: 'off-target', message: 'Agency social workers: 60 in 2016-03, off target (39)' },
    ]);
    expect(groups.map((g) => [g.heading, g.items.map(exceptionLine)])).toEqual([
      ['One action declined since February 2026:', ['2.1 declined from 3 to 1 (Timely MASH decisions)']],
      ['Two off target exceptions:', ['Children on a child protection plan: 68 per 10,000 in 2017-03, off target (54 per 10,000)', 'Agency social workers: 60 in 2016-03, off target (39)']],
      ['One milestone exception:', ['1.1 milestone 2 was due on 2026-02-28 and is not met']],
    ]);
  });

  it('the board report writes the core’s exceptions as before', async () => {
    const { rt, planId } = await boardFixture();
    const md = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'md' })).body);
    expect(md).toContain('Two actions declined since February 2026:\n\n- 1.2 declined from 3 to 2 (Scrutiny of audit findings)');
  });
});
