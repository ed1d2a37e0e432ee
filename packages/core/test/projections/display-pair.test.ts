import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { developmentPlanScheme, ofstedTrackerScheme, type Direction, type ScoringScheme } from '../../src/index.js';
import { colourRule, directionOfFigures, displayPair as shownPair } from '../../src/projections/figures.js';

const displayPair = (scheme: ScoringScheme, before: number | null, after: number | null) => shownPair(before, after, directionOfFigures(scheme, before, after));

/** What a reader concludes from two printed figures under the scheme. */
function directionRead(scheme: typeof developmentPlanScheme, before: string, after: string): Direction {
  const d = (Number(after) - Number(before)) * (scheme.betterIs === 'higher' ? 1 : -1);
  return d > 0 ? 'Improving' : d < 0 ? 'Declining' : 'Maintained';
}

describe('displayPair', () => {
  it('shows one decimal, always (2.0, not 2)', () => {
    expect(displayPair(developmentPlanScheme, 2, 2.6)).toMatchObject({ before: '2.0', after: '2.6', direction: 'Improving', decimals: 1 });
  });

  it('shows two decimals when two different figures print alike at one: 2.60 -> 2.56 Declining', () => {
    expect(displayPair(developmentPlanScheme, 2.6011, 2.5625)).toMatchObject({ before: '2.60', after: '2.56', direction: 'Declining' });
  });

  it('calls figures equal at the precision shown Maintained, on a lower-is-better scale too', () => {
    expect(displayPair(ofstedTrackerScheme, 1.6250001, 1.625)).toMatchObject({ before: '1.625', after: '1.625', direction: 'Maintained' });
    expect(displayPair(ofstedTrackerScheme, 1.625, 1.5625)).toMatchObject({ before: '1.63', after: '1.56', direction: 'Improving' });
    expect(displayPair(ofstedTrackerScheme, null, 1.5)).toMatchObject({ before: '–', after: '1.5', direction: null });
  });

  it('never prints a direction its figures contradict (means of random scores, both scales)', () => {
    fc.assert(fc.property(
      fc.constantFrom(developmentPlanScheme, ofstedTrackerScheme),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 40 }),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 40 }),
      (scheme, xs, ys) => {
        const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
        const shown = displayPair(scheme, mean(xs), mean(ys));
        expect(shown.direction).toBe(directionRead(scheme, shown.before, shown.after));
      },
    ));
  });

  it('states the colour rule with the scheme\'s levels', () => {
    expect(colourRule(developmentPlanScheme)).toContain('1 Red, 2 Amber, 3 Green');
  });
});
