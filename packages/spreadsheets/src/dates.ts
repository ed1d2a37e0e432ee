import { periodEnd } from '@ragtrail/core';

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const monthPattern = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const pad = (n: number) => String(n).padStart(2, '0');
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const monthOf = (name: string) => months[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? months[name.toLowerCase().slice(0, 3)]!;

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A day written the British way: "28.4.17", "01/09/2016", "28-04-2017"; null when the text is not one. */
export function parseDayMonthYear(text: string): string | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), fullYear(m[3]!)];
  return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/** "April 17", "April 2017", "Apr '17" -> "2017-04"; null when the text names no month and year. */
export function parseMonthYear(text: string): string | null {
  const m = new RegExp(`\\b${monthPattern}\\.?[\\s-]*'?\\s*(\\d{4}|\\d{2})\\b`, 'i').exec(text);
  if (!m) return null;
  return `${fullYear(m[2]!)}-${pad(monthOf(m[1]!))}`;
}

/**
 * The date a milestone's text gives, as the last day it allows: "by September 2013" ->
 * 2013-09-30, "2014/15", "14/15" or "2015/2016" -> the end of that financial year (31 March),
 * "by 2016" or a leading "2013: ..." -> the end of that year, "01/09/2016" as written.
 * "Sept 13" -> 2013-09-30. The first date in the text wins; null when the text gives none ("year on year", "from 2012").
 */
export function parseDueDate(text: string): string | null {
  const day = /\b(\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))\b/.exec(text);
  // "September 2013", and the short "Sept 13" / "June '17" council sheets write.
  const monthYear = new RegExp(`\\b${monthPattern}\\.?[\\s-]*'?\\s*(\\d{4}|\\d{2})(?![\\d/])`, 'i').exec(text);
  // A financial year names two consecutive years: "2014/15", "2015/2016", "14/15".
  const financial = /(?<![\d/])((?:20)?\d{2})\s*\/\s*((?:20)?\d{2})(?![\d/])/.exec(text);
  // A bare year counts only where the words make it a deadline, not "from 2012" or "2010/11" data.
  const year = /(?:^\s*|\b(?:by|in|during|until|end of)\s+)(20\d{2})(?:\s*:|(?![\d/]))/i.exec(text);
  const candidates: { index: number; date: string | null }[] = [];
  if (day) candidates.push({ index: day.index, date: parseDayMonthYear(day[1]!) });
  if (monthYear) candidates.push({ index: monthYear.index, date: periodEnd(`${fullYear(monthYear[2]!)}-${pad(monthOf(monthYear[1]!))}`) });
  if (financial) {
    const [from, to] = [fullYear(financial[1]!.slice(-2)), fullYear(financial[2]!.slice(-2))];
    if (to === from + 1) candidates.push({ index: financial.index, date: `${to}-03-31` });
  }
  if (year) candidates.push({ index: year.index, date: `${year[1]}-12-31` });
  const first = candidates.filter((c) => c.date !== null).sort((a, b) => a.index - b.index)[0];
  return first?.date ?? null;
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2017-04" -> "April 17", as the tracker's "Update April 17" header writes it. */
export function shortMonthYear(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${monthNames[m - 1]} ${String(y).slice(2)}`;
}

/** "2017-04-28" -> "28.4.17", as the tracker's preamble writes it. */
export function dottedDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d}.${m}.${String(y).slice(2)}`;
}
