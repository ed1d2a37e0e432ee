import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, previousPeriod, type StatedDirection } from '@ragtrail/core';
import { exportTracker, importTracker } from '../src/index.js';
import { admin, newRagtrail } from './helpers.js';
import { trackerShape } from './plan-shape.js';

/** Cell text as councils type it: punctuation, quotes, commas and line breaks included. */
const text = (max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9"',.:()&/\\- \\n]{1,${max}}$`)).map((s) => s.trim()).filter((s) => /^[A-Za-z]/.test(s));
const plain = (max: number) => fc.stringMatching(new RegExp(`^[A-Za-z][A-Za-z ]{0,${max}}$`)).map((s) => s.trim());
const name = fc.tuple(fc.stringMatching(/^[A-Z][a-z]{1,8}$/), fc.stringMatching(/^[A-Z][a-z]{1,8}$/)).map(([a, b]) => `${a} ${b}`);
/**
 * 1-4: folded into 1-3 for the three-level scheme; 4 of the five-level scheme demands evidence.
 * Not 5: "sustained" needs three earlier evidenced periods, more history than the sheet's two months.
 */
const score = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null });
const evidence = fc.record({
  title: plain(30).filter((s) => s.length > 0),
  kind: fc.constantFrom('audit', 'data', 'feedback', 'document', 'observation', 'other' as const),
  day: fc.integer({ min: 1, max: 28 }),
  link: fc.option(fc.webUrl(), { nil: null }),
  contentHash: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: null }),
});
const direction = fc.option(fc.constantFrom<StatedDirection>('Improving', 'Maintained', 'Declining'), { nil: null });

const action = fc.record({
  title: text(60),
  priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  lead: fc.option(fc.record({ name, jobTitle: fc.oneof(fc.constant(''), plain(20)) }), { nil: null }),
  subActions: fc.array(plain(30).filter((s) => s.length > 0), { maxLength: 4 }),
  plainDescription: fc.oneof(fc.constant(''), plain(40)),
  owners: fc.array(plain(25).filter((s) => s.length > 0), { maxLength: 3 }),
  dueText: fc.oneof(fc.constant(''), text(30)),
  previous: score,
  current: score,
  direction,
  update: fc.oneof(fc.constant(''), text(80)),
  evidence: fc.array(evidence, { maxLength: 2 }),
});

const plan = fc.record({
  scheme: fc.constantFrom('ofsted-tracker-3', 'development-plan-5'),
  cadence: fc.constantFrom('monthly', 'quarterly' as const),
  period: fc.integer({ min: 1, max: 98 * 12 }).map((n) => addMonths('2000-12', n)),
  day: fc.integer({ min: 1, max: 28 }),
  reviewer: name,
  priorityTitles: fc.array(text(40), { minLength: 3, maxLength: 3 }),
  actions: fc.array(action, { minLength: 1, maxLength: 6 }),
  format: fc.constantFrom<'csv' | 'xlsx'>('csv', 'xlsx'),
});

describe('round trip', () => {
  it('importing an exported tracker yields the same plan state', async () => {
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        // Periods run to 2098 and evidence is never recorded before it is observed: the clock stands after them all.
        const rt = newRagtrail('2099-12-31T09:00:00Z');
        const caller = { ...admin, reason: 'generated plan' };
        const before = previousPeriod(p.period, p.cadence);
        await rt.createPlan({ planId: 'gen', title: 'Generated plan', organisation: 'Test', scheme: p.scheme, cadence: p.cadence }, caller);
        for (const n of new Set(p.actions.flatMap((a) => (a.priority === null ? [] : [a.priority]))))
          await rt.execute('gen', 'AddPriority', { priorityId: `p${n}`, number: n, title: p.priorityTitles[n - 1]! }, caller);
        await rt.execute('gen', 'OpenReview', { period: before, reviewer: 'Earlier reviewer', reviewDate: `${before}-01` }, caller);
        await rt.execute('gen', 'OpenReview', { period: p.period, reviewer: p.reviewer, reviewDate: `${p.period}-${String(p.day).padStart(2, '0')}` }, caller);
        for (const [i, a] of p.actions.entries()) {
          const ref = `Ofsted ${i + 1}`;
          const subActions = a.subActions.length >= 2 ? a.subActions.map((t, j) => ({ label: String.fromCharCode(65 + j), text: t })) : [];
          const description = subActions.length ? subActions.map((s) => `${s.label}) ${s.text}`).join(' ') : a.plainDescription;
          await rt.execute('gen', 'AddAction', {
            ref, title: a.title, priorityId: a.priority === null ? null : `p${a.priority}`, lead: a.lead,
            description, subActions, owners: a.owners, dueText: a.dueText,
          }, caller);
          const fold = (s: number | null) => (s === null || p.scheme === 'development-plan-5' ? s : ((s - 1) % 3) + 1);
          const [previous, current] = [fold(a.previous), fold(a.current)];
          // Evidence observed in the earlier month, so it can back a level that demands evidence in either month.
          const items = a.evidence.length === 0 && Math.max(previous ?? 0, current ?? 0) >= 4 ? [{ title: 'Audit report', kind: 'audit' as const, day: 1, link: 'https://example.org/audit', contentHash: null }] : a.evidence;
          for (const e of items)
            await rt.execute('gen', 'AttachEvidence', {
              action: ref, title: e.title, kind: e.kind, observedOn: `${before}-${String(e.day).padStart(2, '0')}`,
              link: e.link ?? (e.contentHash === null ? 'https://example.org/evidence' : null), contentHash: e.contentHash,
            }, caller);
          if (previous !== null) await rt.execute('gen', 'RecordEntry', { action: ref, period: before, score: previous, source: 'imported' }, caller);
          if (current !== null)
            await rt.execute('gen', 'RecordEntry', { action: ref, period: p.period, score: current, update: a.update, direction: a.direction, source: 'imported' }, caller);
        }
        const original = trackerShape(await rt.loadPlan('gen'), p.period, before);
        const file = await exportTracker(rt, { planId: 'gen', period: p.period, format: p.format });
        const { planId } = await importTracker(rt, { fileName: file.fileName, content: file.body, scheme: p.scheme, cadence: p.cadence }, admin);
        const imported = await rt.loadPlan(planId);
        expect(imported.cadence).toBe(p.cadence);
        expect(trackerShape(imported, p.period, before)).toEqual(original);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
