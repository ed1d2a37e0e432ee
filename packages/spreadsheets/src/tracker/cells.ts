import type { Lead, StatedDirection, SubAction } from '@ragtrail/core';

/**
 * A lead cell split into name and job title where the cell allows: "Iqbal Vaza, Strategic Lead"
 * -> name and title at the first comma. A cell naming several people ("Paul Coke, Service
 * Manager & Andrews Osei, Service Manager") cannot be split into one name and one title without
 * losing who holds which role, so it is kept whole as the name.
 */
export function splitLead(cell: string): Lead | null {
  const text = cell.trim();
  if (!text) return null;
  if (namesSeveralPeople(text)) return { name: text, jobTitle: '' };
  const comma = text.indexOf(',');
  if (comma <= 0) return { name: text, jobTitle: '' };
  return { name: text.slice(0, comma).trim(), jobTitle: text.slice(comma + 1).trim() };
}

const personAfterJoin = /(?:;|\s&\s|\sand\s)\s*[A-Z][a-z'-]+\s+[A-Z][A-Za-z'-]+\s*,/;
export const namesSeveralPeople = (text: string) => personAfterJoin.test(text) || (text.includes(';') && /;\s*[A-Z][a-z'-]+\s+[A-Z][A-Za-z'-]+/.test(text));

/** The lead back into one cell, the inverse of splitLead. */
export const leadCell = (lead: Lead | null): string => (lead === null ? '' : lead.jobTitle ? `${lead.name}, ${lead.jobTitle}` : lead.name);

/**
 * "A) Do this. B) Do that. C)Then this." -> sub-actions A, B, C. Only a run of consecutive
 * letters starting at A counts, so "points A-E" or a stray "B)" in prose does not split.
 */
export function splitSubActions(text: string): SubAction[] {
  const marks = [...text.matchAll(/(^|[\s.;])([A-Za-z])\)\s*/g)];
  const chosen: { label: string; start: number; end: number }[] = [];
  for (const m of marks) {
    const letter = m[2]!.toUpperCase();
    const expected = String.fromCharCode(65 + chosen.length);
    if (letter !== expected) continue;
    const start = m.index + m[1]!.length;
    chosen.push({ label: letter, start, end: start + m[0].length - m[1]!.length });
  }
  if (chosen.length < 2 || text.slice(0, chosen[0]!.start).trim() !== '') return [];
  return chosen
    .map((c, i) => ({ label: c.label, text: text.slice(c.end, chosen[i + 1]?.start ?? text.length).trim() }))
    .filter((s) => s.text !== '');
}

/** Sub-actions back into the cell's "A) ... B) ..." form, for plans that have no description text. */
export const subActionsCell = (subs: readonly SubAction[]) => subs.map((s) => `${s.label}) ${s.text}`).join(' ');

const directionWords: Record<string, StatedDirection> = {
  improving: 'Improving', improved: 'Improving', improvement: 'Improving', up: 'Improving',
  maintained: 'Maintained', same: 'Maintained', static: 'Maintained', unchanged: 'Maintained', 'no change': 'Maintained', stable: 'Maintained',
  declining: 'Declining', declined: 'Declining', deteriorating: 'Declining', worse: 'Declining', down: 'Declining',
};

/** The stated direction as the council wrote it; undefined when the word is not one we know. */
export function parseDirection(cell: string): StatedDirection | null | undefined {
  const word = cell.trim().toLowerCase().replace(/[.!]+$/, '');
  if (!word) return null;
  return directionWords[word];
}

/** Owners are separated by ";" or line breaks (commas belong to job titles). */
export const splitOwners = (cell: string): string[] => cell.split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
