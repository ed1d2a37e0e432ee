// Issue 14, section 3, for the web dashboard: a reader never sees an arrow or a direction word its
// figures contradict. Random plans (the same shape of plan as the command line and report property
// in apps/tui/test/figures-consistency.property.test.ts), every row of the RAG summary and of the
// action tables as the page prints them: the arrow, the word and the printed figures agree.
import { createMemoryStore, createRagtrail, type Actor } from '@ragtrail/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';

const admin: Actor = { id: 'admin', name: 'Ann Admin', role: 'admin' };
const board: Actor = { id: 'board', name: 'Chair', role: 'board' };

type Direction = 'Improving' | 'Maintained' | 'Declining';
const arrows: Record<string, Direction> = { '↑': 'Improving', '→': 'Maintained', '↓': 'Declining' };
/** What two printed figures say on the development-plan-5 scheme, where higher is better. */
const read = (before: string, after: string): Direction => {
  const d = Number(after) - Number(before);
  return d > 0 ? 'Improving' : d < 0 ? 'Declining' : 'Maintained';
};

/** A plan of priorities, each of actions scored [before, after] in two signed-off months. */
async function planWith(priorities: number[][][]) {
  const rt = createRagtrail({ store: createMemoryStore() });
  const who = { actor: admin, reason: 'property test' };
  await rt.createPlan({ planId: 'p', title: 'Plan', organisation: 'Council', scheme: 'development-plan-5' }, who);
  for (const [i, actions] of priorities.entries()) {
    await rt.execute('p', 'AddPriority', { priorityId: `p${i + 1}`, number: i + 1, title: `Priority ${i + 1}` }, who);
    for (const [j, scores] of actions.entries()) {
      await rt.execute('p', 'AddAction', { actionId: `a${i + 1}-${j + 1}`, ref: `A${i + 1}.${j + 1}`, priorityId: `p${i + 1}`, title: 'Action' }, who);
      // Level 4 needs dated evidence before it can be recorded (5, removal, needs months of it: not drawn).
      if (scores.some((s) => s >= 4)) await rt.execute('p', 'AttachEvidence', { action: `a${i + 1}-${j + 1}`, title: 'Audit', kind: 'audit', observedOn: '2018-01-31', link: 'https://example.org/audit' }, who);
    }
  }
  for (const [k, period] of ['2018-02', '2018-03'].entries()) {
    await rt.execute('p', 'OpenReview', { period, reviewer: 'Board', reviewDate: `${period}-28` }, who);
    for (const [i, actions] of priorities.entries())
      for (const [j, scores] of actions.entries()) await rt.execute('p', 'RecordEntry', { action: `a${i + 1}-${j + 1}`, period, score: scores[k]! }, who);
    await rt.execute('p', 'SignOffReview', { period }, { actor: board });
  }
  const { token } = await rt.issueToken({ name: 'Viewer', role: 'viewer' }, { actor: admin });
  return { app: createApp({ ragtrail: rt }), token };
}

const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
const cellsOf = (row: string) => [...row.matchAll(/<td class="govuk-table__cell"[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!);
const rowsOf = (html: string) => [...html.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).filter((r) => r.includes('govuk-table__cell'));
const figureOf = (cell: string | undefined) => /^(\d+(?:\.\d+)?) /.exec(text(cell ?? ''))?.[1];

/** The arrow and the word of a direction cell: "<span aria-hidden>↑ </span>Improving". */
function directionOf(cell: string): { arrow: Direction; word: Direction } {
  const m = /^([↑→↓]) (Improving|Maintained|Declining)$/.exec(text(cell));
  if (!m) throw new Error(`a direction cell that reads neither arrow nor word: "${text(cell)}"`);
  return { arrow: arrows[m[1]!]!, word: m[2] as Direction };
}

/** [before, after, direction cell] of each RAG summary row and each action row. */
function shownRows(html: string): { before: string; after: string; direction: string; where: string }[] {
  const summary = html.slice(html.indexOf('id="summary-heading"'), html.indexOf('</table>', html.indexOf('id="summary-heading"')));
  const actions = html.slice(html.indexOf('id="actions-heading"'), html.indexOf('id="reports-heading"'));
  const fromSummary = rowsOf(summary).map((row) => {
    const cells = cellsOf(row);
    return { before: figureOf(cells[0])!, after: figureOf(cells[1])!, direction: cells.at(-1)!, where: `summary: ${text(row).slice(0, 60)}` };
  });
  // Action rows print the score, then the previous score, then the direction the scores show.
  const fromActions = rowsOf(actions).map((row) => {
    const cells = cellsOf(row);
    return { before: figureOf(cells[1])!, after: figureOf(cells[0])!, direction: cells[2]!, where: `action: ${text(row).slice(0, 60)}` };
  });
  return [...fromSummary, ...fromActions];
}

describe('the dashboard never shows a direction its figures contradict', () => {
  it('for random plans, every arrow and word agrees with the figures as printed', async () => {
    const scores = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }));
    await fc.assert(fc.asyncProperty(fc.array(fc.array(scores, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), async (priorities) => {
      const { app, token } = await planWith(priorities);
      const res = await app.request('/plans/p?period=2018-03', { headers: { cookie: `ragtrail_token=${token}` } });
      expect(res.status).toBe(200);
      const rows = shownRows(await res.text());
      const actions = priorities.reduce((n, a) => n + a.length, 0);
      // Each priority, the overall row and every action: nothing the property skipped.
      expect(rows).toHaveLength(priorities.length + 1 + actions);
      for (const { before, after, direction, where } of rows) {
        expect(before, where).toMatch(/^\d/);
        expect(after, where).toMatch(/^\d/);
        const shown = directionOf(direction);
        expect(shown.arrow, where).toBe(shown.word);
        expect(shown.word, `${where}: ${before} -> ${after}`).toBe(read(before, after));
      }
    }), {
      numRuns: 30,
      // Overall 2.625 -> 2.5625: both "2.6" at one decimal, the case a board once read as "2.6 -> 2.6 Declining".
      examples: [[[[[3, 3], [3, 3], [3, 3], [3, 2]], [[3, 3], [3, 3], [3, 3], [3, 3]], [[3, 3], [3, 3], [3, 3], [3, 3]], [[2, 2], [2, 2], [1, 1], [1, 1]]]]],
    });
  }, 180_000);
});
