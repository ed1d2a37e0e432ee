// Header matching reads every cell of every row, so it has a fast path for ASCII text. These
// properties hold it to the plain definition: lower case, "(s)" as "s", every run of anything
// but letters and digits as one space, no space at either end.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchHeader, normaliseHeader, MAX_HEADER_LENGTH, type ColumnSpec } from '../src/table/columns.js';
import { trackerColumns } from '../src/tracker/layout.js';

const byDefinition = (text: string) => text.toLowerCase().replace(/\(s\)/g, 's').replace(/[^a-z0-9]+/g, ' ').trim();

// The matcher as first written: every cell normalised whole, every synonym tried.
function matchByDefinition<K extends string>(row: readonly string[], specs: readonly ColumnSpec<K>[], columnMap: Record<string, string> = {}) {
  const mapped = new Map(Object.entries(columnMap).map(([header, key]) => [byDefinition(header), key]));
  const index: Record<string, unknown> = { header: [...row] };
  row.forEach((cell, i) => {
    if (cell.length > MAX_HEADER_LENGTH) return;
    const h = byDefinition(cell);
    if (!h) return;
    const explicit = mapped.get(h);
    const spec = explicit !== undefined
      ? specs.find((s) => s.key === explicit || byDefinition(s.label) === byDefinition(explicit))
      : specs.find((s) => s.synonyms.some((syn: string) => h === syn || h.startsWith(`${syn} `)));
    if (spec && index[spec.key] === undefined) index[spec.key] = i;
  });
  return specs.every((s) => !s.required || index[s.key] !== undefined) ? index : null;
}

const headerish = fc
  .array(fc.constantFrom('Owner', '(s)', '(S)', '((s)', '(s', 's)', ' ', '-', '.', 'No', 'Update', 'April 17', '\t', 'İ', 'É', 'ß', '£', '0', 'Z'), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('header text is compared as its definition says', () => {
  it('property: the fast path normalises as the definition does, ASCII or not', () => {
    fc.assert(fc.property(fc.oneof(headerish, fc.string(), fc.string({ unit: 'binary' })), (text) => {
      expect(normaliseHeader(text)).toBe(byDefinition(text));
    }), { numRuns: 1000 });
  });

  it('property: a row is the header, with the same columns, exactly when the definition says so', () => {
    const cell = fc.oneof(
      fc.constantFrom('No.', 'Ref', 'Recommendation', 'Update April 17', 'update', 'Owner(s) - Who', 'Direction of Travel', 'Score', 'Lead', 'Rec #', 'What we will do', ''),
      headerish,
      fc.string({ maxLength: 240 }),
    );
    const columnMap = fc.constantFrom<Record<string, string>>({}, { 'Rec #': 'ref', 'What we will do': 'recommendation' }, { 'Update April 17': 'progress' });
    fc.assert(fc.property(fc.array(cell, { maxLength: 14 }), columnMap, (row, map) => {
      expect(matchHeader(row, trackerColumns, map)).toEqual(matchByDefinition(row, trackerColumns, map));
      // A layout with no required column (the wide indicator table) is matched by every row.
      const optional = trackerColumns.map((c) => ({ ...c, required: false }));
      expect(matchHeader(row, optional, map)).toEqual(matchByDefinition(row, optional, map));
    }), { numRuns: 1000 });
  });

  it("finds the tracker's header row and no other; a columnMap names a column by the sheet's own header", () => {
    const header = ['No.', 'Recommendation', 'Assigned Lead - Job Title/Name', 'Score - please select', 'Update April 17', 'Owner(s) - Who'];
    expect(matchHeader(header, trackerColumns)).toMatchObject({ ref: 0, recommendation: 1, lead: 2, previousScore: 3, currentScore: 4, owners: 5 });
    expect(matchHeader(['1', 'Audit supervision files', 'Neale Laurie', '3', '3', 'Head of Service'], trackerColumns)).toBeNull();
    expect(matchHeader(['No.', 'Recommendation'], trackerColumns)).toBeNull();
    const renamed = ['Rec #', 'What we will do', 'Update April 17'];
    expect(matchHeader(renamed, trackerColumns)).toBeNull();
    expect(matchHeader(renamed, trackerColumns, { 'Rec #': 'ref', 'What we will do': 'recommendation' })).toMatchObject({ ref: 0, recommendation: 1, currentScore: 2 });
  });
});
