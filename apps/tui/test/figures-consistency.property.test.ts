// Section 3 of issue 14: a reader never sees an arrow its figures contradict. Random plans, and the
// Overall and priority rows as the command line, the HTML board report and the markdown board
// report print them: the direction shown must be the one the printed figures give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, type Actor } from '@ragtrail/core';
import { renderBoardReport } from '@ragtrail/reports';
import { summaryText } from '../src/cli/format.js';

const admin: Actor = { id: 'admin', name: 'Ann Admin', role: 'admin' };
const board: Actor = { id: 'board', name: 'Chair', role: 'board' };

type Direction = 'Improving' | 'Maintained' | 'Declining';
const read = (before: string, after: string): Direction => {
  const d = Number(after) - Number(before); // development-plan-5: higher is better
  return d > 0 ? 'Improving' : d < 0 ? 'Declining' : 'Maintained';
};
const arrows: Record<string, Direction> = { '↑': 'Improving', '→': 'Maintained', '↓': 'Declining' };

async function planWith(priorities: number[][][]) {
  const rt = createRagtrail({ store: createMemoryStore() });
  const who = { actor: admin, reason: 'property test' };
  await rt.createPlan({ planId: 'p', title: 'Plan', organisation: 'Council' }, who);
  for (const [i, actions] of priorities.entries()) {
    await rt.execute('p', 'AddPriority', { priorityId: `p${i + 1}`, number: i + 1, title: `Priority ${i + 1}` }, who);
    for (const j of actions.keys()) await rt.execute('p', 'AddAction', { ref: `A${i + 1}.${j + 1}`, priorityId: `p${i + 1}`, title: 'Action' }, who);
  }
  for (const [k, period] of ['2018-02', '2018-03'].entries()) {
    await rt.execute('p', 'OpenReview', { period, reviewer: 'Board', reviewDate: `${period}-28` }, who);
    for (const [i, actions] of priorities.entries())
      for (const [j, scores] of actions.entries()) await rt.execute('p', 'RecordEntry', { action: `A${i + 1}.${j + 1}`, period, score: scores[k]! }, who);
    await rt.execute('p', 'SignOffReview', { period }, { actor: board });
  }
  return rt;
}

/** [before, after, direction] of each row that shows two figures and a direction. */
function cliRows(text: string[]): [string, string, Direction][] {
  return text.flatMap((line) => {
    const m = /\s(\d+\.\d+)\s+(\d+\.\d+)\s+([↑→↓])/.exec(line);
    return m ? [[m[1]!, m[2]!, arrows[m[3]!]!] as [string, string, Direction]] : [];
  });
}
function markdownRows(md: string): [string, string, Direction][] {
  return md.split('\n').flatMap((line) => {
    const cells = line.split(' | ');
    const before = /^(\d+\.\d+) /.exec(cells[1] ?? '')?.[1];
    const after = /^(\d+\.\d+) /.exec(cells[2] ?? '')?.[1];
    const direction = /(Improving|Maintained|Declining) \|$/.exec(line)?.[1] as Direction | undefined;
    return before && after && direction ? [[before, after, direction] as [string, string, Direction]] : [];
  });
}
function htmlRows(html: string): [string, string, Direction][] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].flatMap(([, row]) => {
    const cells = [...row!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]*>/g, '').trim());
    const before = /^(\d+\.\d+) /.exec(cells[0] ?? '')?.[1];
    const after = /^(\d+\.\d+) /.exec(cells[1] ?? '')?.[1];
    const direction = cells.at(-1) as Direction;
    return before && after && ['Improving', 'Maintained', 'Declining'].includes(direction) ? [[before, after, direction] as [string, string, Direction]] : [];
  });
}

describe('figures never contradict their direction', () => {
  it('in the command line summary, the HTML board report and the markdown board report, for random plans', async () => {
    const scores = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }));
    await fc.assert(fc.asyncProperty(fc.array(fc.array(scores, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), async (priorities) => {
      const rt = await planWith(priorities);
      const summary = await rt.summary('p', { period: '2018-03' });
      const md = String((await renderBoardReport(rt, { planId: 'p', period: '2018-03', format: 'md' })).body);
      const html = String((await renderBoardReport(rt, { planId: 'p', period: '2018-03', format: 'html' })).body);
      for (const rows of [cliRows(summaryText(summary)), markdownRows(md), htmlRows(html)]) {
        expect(rows.length).toBe(priorities.length + 1);
        for (const [before, after, direction] of rows) expect(direction, `${before} -> ${after}`).toBe(read(before, after));
      }
    }), {
      numRuns: 40,
      // Overall 2.625 -> 2.5625: both "2.6" at one decimal, the case a board once read as "2.6 -> 2.6 Declining".
      examples: [[[[[3, 3], [3, 3], [3, 3], [3, 2]], [[3, 3], [3, 3], [3, 3], [3, 3]], [[3, 3], [3, 3], [3, 3], [3, 3]], [[2, 2], [2, 2], [1, 1], [1, 1]]]]],
    });
  }, 120_000);
});
