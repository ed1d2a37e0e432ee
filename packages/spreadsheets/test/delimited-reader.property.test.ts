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

const ours = (text: string | Buffer, delimiter: string): { rows: string[][] } | { lines: number | undefined } => {
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
          const expected = csvParse(text, delimiter);
          expect(ours(text, delimiter)).toEqual(expected);
          // Bytes as a front end hands them over, with and without the BOM Excel writes.
          expect(ours(Buffer.from(text), delimiter)).toEqual(expected);
          expect(ours(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), delimiter)).toEqual(expected);
        }),
        { numRuns: 2000 },
      );
    });

  it('a first record longer than the part read ahead (64 KB) reads the same, CRLF inside and after it', () => {
    const cell = `"${'x\r\n'.repeat(7_000)}"`;
    const text = `${[cell, cell, cell, cell].join(',')},b\r\n1,2\r\n3\r\n`;
    const read = ours(Buffer.from(text), ',');
    expect(read).toEqual(csvParse(text, ','));
    expect((read as { rows: string[][] }).rows.slice(1)).toEqual([['1', '2'], ['3']]);
  });

  it('a tracker whose preamble is narrower than its table reads the same with CRLF line ends and a quoted line break first', () => {
    const text = 'Name of Reviewer\t"Rory\r\nPatterson"\r\nNo.\tRecommendation\tScore\r\n1\tAudit files\t3\r\n2\t"Two\nlines"\t2\r\n';
    expect(ours(text, '\t')).toEqual(csvParse(text, '\t'));
    expect((ours(text, '\t') as { rows: string[][] }).rows[2]).toEqual(['1', 'Audit files', '3']);
  });
});
