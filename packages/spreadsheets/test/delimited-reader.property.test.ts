// The delimited reader puts a line of empty cells before the text so that csv-parse stops
// building an error per row (see delimited-reader.ts). That line must change nothing a user sees:
// the same rows, and on a file csv-parse refuses, a refusal naming the same line.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { readDelimited } from '../src/table/delimited-reader.js';
import { defaultReadLimits } from '../src/limits/limits.js';
import { CsvImportError } from '../src/errors.js';

const csvParse = (text: string, delimiter: string): { rows: string[][] } | { lines: number | undefined } => {
  try {
    return { rows: parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][] };
  } catch (error) {
    return { lines: (error as { lines?: number }).lines };
  }
};

const ours = (text: string, delimiter: string): { rows: string[][] } | { lines: number | undefined } => {
  try {
    return { rows: readDelimited('t.csv', text, delimiter, defaultReadLimits) };
  } catch (error) {
    expect(error).toBeInstanceOf(CsvImportError);
    return { lines: (error as CsvImportError).row ?? undefined };
  }
};

// Text built from what makes CSV hard: delimiters, quotes, every line ending, blank lines.
// No leading apostrophe: the reader restores our exports' formula-safe cells, on purpose.
const hardText = (delimiter: string) =>
  fc.array(fc.constantFrom('a', 'bc', ' ', delimiter, '"', '""', '\r', '\n', '\r\n', '£'), { maxLength: 60 }).map((parts) => parts.join(''));

describe('the delimited reader reads what csv-parse reads', () => {
  for (const [name, delimiter] of [['comma', ','], ['tab', '\t']] as const)
    it(`property (${name}): the same rows, or a refusal at the same line`, () => {
      fc.assert(
        fc.property(hardText(delimiter), (text) => {
          expect(ours(text, delimiter)).toEqual(csvParse(text, delimiter));
        }),
        { numRuns: 2000 },
      );
    });

  it('a tracker whose preamble is narrower than its table reads the same with CRLF line ends and a quoted line break first', () => {
    const text = 'Name of Reviewer\t"Rory\r\nPatterson"\r\nNo.\tRecommendation\tScore\r\n1\tAudit files\t3\r\n2\t"Two\nlines"\t2\r\n';
    expect(ours(text, '\t')).toEqual(csvParse(text, '\t'));
    expect((ours(text, '\t') as { rows: string[][] }).rows[2]).toEqual(['1', 'Audit files', '3']);
  });
});
