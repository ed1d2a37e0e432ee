import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@ragtrail/core';
import { importObjectives, importSummary, importTracker, type ImportResult } from '../src/index.js';
import { admin, fixture, newRagtrail } from './helpers.js';

const header = 'No.\tRecommendation\tAssigned Lead - Job Title/Name\tScore - please select\tUpdate April 17\tDirection of Travel\tDescription of Action(s) - How\tOwner(s) - Who\tBy When (date)';
const cell = fc.oneof(fc.constantFrom('', '1', '2', '3', '4', 'x', 'Improving', 'Sideways', 'A) a B) b', '"', 'Ofsted 1', '28.4.17'), fc.string({ maxLength: 12 }));
const row = fc.array(cell, { maxLength: 10 }).map((cells) => cells.join('\t'));
const importers = { importTracker, importSummary, importObjectives } as const;

describe('whatever the file holds', () => {
  it('an import either succeeds or fails with a DomainError and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), fc.boolean(), fc.constantFrom(...(Object.keys(importers) as (keyof typeof importers)[])), async (rows, withHeader, which) => {
        const rt = newRagtrail();
        const content = (withHeader ? [header, ...rows] : rows).join('\n');
        const outcome: ImportResult | Error = await importers[which](rt, { fileName: 'x.tsv', content, period: '2017-04' }, admin).then((r) => r, (e: unknown) => e as Error);
        if (outcome instanceof Error) {
          expect(outcome).toBeInstanceOf(DomainError);
          expect(outcome.message.startsWith('x.tsv')).toBe(true);
          expect(await rt.store.readAll()).toEqual([]);
        } else {
          expect((await rt.store.readAll()).length).toBe(outcome.events);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a tracker cut short at any line imports whole or not at all', async () => {
    const lines = fixture('tracker').content.toString('utf8').split('\n');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: lines.length }), async (n) => {
        const rt = newRagtrail();
        const outcome: ImportResult | Error = await importTracker(rt, { fileName: 'cut.tsv', content: lines.slice(0, n).join('\n') }, admin).then((r) => r, (e: unknown) => e as Error);
        const written = (await rt.store.readAll()).length;
        expect(outcome instanceof Error ? written === 0 : written === outcome.events).toBe(true);
      }),
    );
  }, 60_000);
});
