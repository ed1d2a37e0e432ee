import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { exportAudit } from '../src/index.js';

const admin = { actor: { id: 'ann', name: 'Ann Admin', role: 'admin' as const } };
const reviewer = { actor: { id: 'rory', name: 'Rory Patterson', role: 'reviewer' as const } };
const board = { actor: { id: 'lyn', name: 'Lyn Carpenter', role: 'board' as const } };

async function correctedPlan() {
  let now = Date.parse('2017-04-28T09:00:00Z');
  const rt = createRagtrail({ store: createMemoryStore(), now: () => new Date((now += 60_000)) });
  await rt.createPlan({ planId: 'tracker', title: 'Ofsted recommendations', organisation: 'Thurrock Council', scheme: 'ofsted-tracker-3' }, admin);
  await rt.execute('tracker', 'AddAction', { ref: 'Ofsted 1', title: 'Performance data, "digest" and board' }, admin);
  await rt.execute('tracker', 'OpenReview', { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, reviewer);
  await rt.execute('tracker', 'RecordEntry', { action: 'Ofsted 1', period: '2017-04', score: 1, update: 'Digest live,\nboard started' }, reviewer);
  await rt.execute('tracker', 'SignOffReview', { period: '2017-04' }, board);
  now = Date.parse('2017-05-20T10:00:00Z');
  await rt.execute('tracker', 'CorrectEntry', { action: 'Ofsted 1', period: '2017-04', score: 2 }, { ...reviewer, reason: 'Action C was not complete at the review' });
  return rt;
}

describe('the audit trail as CSV', () => {
  it('writes one row per event, oldest first, with who, when, why, what changed, id and hash', async () => {
    const rt = await correctedPlan();
    const file = await exportAudit(rt, { planId: 'tracker' });
    expect(file).toMatchObject({ contentType: 'text/csv; charset=utf-8', fileName: 'tracker-audit.csv' });
    const [header, ...rows] = parse(String(file.body)) as string[][];
    expect(header).toEqual(['Recorded at', 'Revision', 'Event', 'Who', 'Role', 'Reason', 'Action', 'Period', 'What changed', 'Event id', 'Hash']);
    const history = await rt.history('tracker');
    expect(rows.map((r) => r[9])).toEqual(history.map((e) => e.id));
    expect(rows.map((r) => r[10])).toEqual(history.map((e) => e.hash));
    const correction = rows.at(-1)!;
    expect(correction.slice(0, 9)).toEqual(['2017-05-20T10:01:00.000Z', '5', 'EntryCorrected', 'Rory Patterson', 'reviewer', 'Action C was not complete at the review', 'Ofsted 1', '2017-04', 'Score changed from 1 (Completed) to 2 (In progress)']);
    // Quotes, commas and line breaks in the log come back as they were recorded.
    expect(rows[3]![8]).toBe('Score set to 1 (Completed); Update set to “Digest live,\nboard started”');
    // Values that are objects read as words, never as JSON.
    expect(rows[0]![8]).toContain('Scoring scheme set to Ofsted recommendation tracker (1 = completed) (1 Completed, 2 In progress and 3 Not achieved; lower is better)');
    expect(rows[4]![8]).toBe('Review signed off');
    expect(rows.map((r) => r[8]).join('\n')).not.toMatch(/[{}]/);
  });

  it('takes the audit filters, and as of a moment gives the file that moment would have given', async () => {
    const rt = await correctedPlan();
    expect((parse(String((await exportAudit(rt, { planId: 'tracker', type: 'EntryCorrected' })).body)) as string[][]).length).toBe(2);
    const thenFile = await exportAudit(rt, { planId: 'tracker', asOf: '2017-05-10' });
    expect(thenFile.fileName).toMatch(/^tracker-audit-as-of-2017-05-10/);
    const then = parse(String(thenFile.body)) as string[][];
    expect(then.map((r) => r[2])).not.toContain('EntryCorrected');
    await rt.execute('tracker', 'AddAction', { ref: 'Ofsted 2', title: 'Early help' }, admin);
    expect(String((await exportAudit(rt, { planId: 'tracker', asOf: '2017-05-10' })).body)).toBe(String(thenFile.body));
    await expect(exportAudit(rt, { planId: '' })).rejects.toMatchObject({ issues: [expect.objectContaining({ field: 'input.planId' })] });
  });
});
