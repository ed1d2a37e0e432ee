import { describe, expect, it } from 'vitest';
import { formatFigure } from '@ragtrail/core';
import { demoPlanIds, importSummary } from '../src/index.js';
import { demoRagtrail } from './demo-ragtrail.js';
import { admin, newRagtrail, reportOriginalsAbsent, sources } from './helpers.js';

/** The development plan's RAG summary as printed in the plan (its table, and the text of its PDF). */
const figures = [[2.8, 3.3], [1.7, 2.3], [1.5, 2.5], [2.0, 2.9], [2.0, 2.0], [1.5, 2.5], [2.3, 2.4], [2.6, 2.9]] as const;

const layouts = [...sources('summary').map((source) => ({ source, fromPdf: false })), ...sources('summaryPdf').map((source) => ({ source, fromPdf: true }))]
  .map((layout) => ({ ...layout, fileName: layout.source.fileName }));

describe.each(layouts)('importing the development plan RAG summary ($fileName)', async ({ source, fromPdf }) => {
  const rt = newRagtrail();
  const result = await importSummary(rt, { ...source, periods: { previous: '2018-02', current: '2018-03' }, organisation: 'Thurrock Council' }, admin);
  const plan = await rt.loadPlan(result.planId);

  it('adds the eight priorities with their titles as the plan states them, lines wrapped by the PDF joined', () => {
    const titles = [...plan.priorities.values()].sort((a, b) => a.number - b.number).map((p) => [p.number, p.title]);
    // The PDF's text runs "planning.Ensuring" together; the title is kept as the document has it.
    const fourth = fromPdf
      ? 'Ensuring high quality support and services for looked-after children and effective permanency planning.Ensuring timely purposeful post adoption support.'
      : 'Ensuring high quality support and services for looked-after children and effective permanency planning. Ensuring timely purposeful post adoption support.';
    expect(titles).toEqual([
      'Recruiting, retaining and developing a skilled and confident social care workforce',
      'Providing coherent and coordinated early help services to children and their families',
      'Building consistent quality and timeliness of assessment; care planning and decision making for children in need and in need of protection.',
      fourth,
      'Putting the voice and day to day experience of the child at the centre of social care practice',
      'All children missing from home or care must have access to a return interview. Analysis arising from risks faced by children missing from home or care and children missing from education should inform action to reduce risk',
      'Supporting young people leaving care to have a positive and successful transition to adulthood and independence',
      'Embedding strong quality assurance and governance mechanisms to drive continual improvement in services',
    ].map((title, i) => [i + 1, title]));
  });

  it('records 2.8 -> 3.3 ... 2.6 -> 2.9 and overall 2.0 -> 2.6 as imported figures of the two periods', async () => {
    expect(plan.importedFigures.get('2018-02')).toMatchObject({ source: source.fileName, overall: 2.0 });
    expect(plan.importedFigures.get('2018-03')?.overall).toBe(2.6);
    figures.forEach(([before, now], i) => {
      expect(plan.importedFigures.get('2018-02')!.priorities.get(`p${i + 1}`)).toBe(before);
      expect(plan.importedFigures.get('2018-03')!.priorities.get(`p${i + 1}`)).toBe(now);
    });
    const summary = await rt.summary(result.planId, { period: '2018-03' });
    expect(summary.importedOverall).toEqual({ previous: 2.0, current: 2.6, source: source.fileName });
    // Shown as imported, beside (never as) the computed figures: with no actions nothing is computed.
    expect(summary.priorities.map((p) => p.imported)).toEqual(figures.map(([previous, current]) => ({ previous, current })));
    expect(summary.priorities.every((p) => p.current.mean === null && p.previous.mean === null)).toBe(true);
    expect([summary.overall.previous, summary.overall.current]).toEqual([null, null]);
  });
});

reportOriginalsAbsent('summary', 'summaryPdf');

describe('the demo development plan', () => {
  it('computes from its illustrative action scores the same figures the plan reported', async () => {
    const rt = await demoRagtrail();
    const summary = await rt.summary(demoPlanIds.developmentPlan, { period: '2018-03' });
    expect(summary.priorities.map((p) => [formatFigure(p.previous.mean), formatFigure(p.current.mean)])).toEqual(figures.map(([a, b]) => [a.toFixed(1), b.toFixed(1)]));
    expect([formatFigure(summary.overall.previous), formatFigure(summary.overall.current)]).toEqual(['2.0', '2.6']);
    expect(summary.priorities.map((p) => p.imported)).toEqual(figures.map(([previous, current]) => ({ previous, current })));
    expect(summary.review).toMatchObject({ reviewer: 'Improvement Board', reviewDate: '2018-03-31' });
    const carried = summary.priorities[0]!.actions[0]!;
    expect(carried).toMatchObject({ score: 4, previousScore: 3 });
  });
});
