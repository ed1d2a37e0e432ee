import { parseMonthYear } from '../dates.js';

/**
 * A period cell as councils and the DfE's tool write it, to YYYY-MM: "2018-03", "March 2018",
 * "Mar-18"; a bare year "2018" is that year's `yearEnd` month; a financial or academic year
 * "2017-18" or "2017/18" is `yearEnd` of its second year. Null when it is none of these.
 */
export function periodOfCell(cell: string, yearEnd: string): string | null {
  const text = cell.trim();
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return text;
  const year = /^(\d{4})$/.exec(text);
  if (year) return `${year[1]}-${yearEnd}`;
  const span = /^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/.exec(text);
  if (span) {
    const start = Number(span[1]);
    const end = span[2]!.length === 2 ? Math.floor(start / 100) * 100 + Number(span[2]) : Number(span[2]);
    return end === start + 1 ? `${end}-${yearEnd}` : null;
  }
  return parseMonthYear(text);
}
