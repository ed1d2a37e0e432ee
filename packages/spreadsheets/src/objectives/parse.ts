import { z } from 'zod';
import { Milestone } from '@ragtrail/core';
import { CsvImportError } from '../errors.js';
import { parseDueDate } from '../dates.js';
import { normaliseHeader } from '../table/columns.js';
import type { Table } from '../table/read-table.js';

export const Objective = z.object({
  row: z.number().int().min(1),
  title: z.string().min(1),
  whereNow: z.string(),
  whereWanted: z.string(),
  milestonesText: z.string(),
  milestones: z.array(Milestone),
});
export type Objective = z.infer<typeof Objective>;

export const ObjectivesPlan = z.object({
  priorities: z.array(z.object({ number: z.number().int().min(1), title: z.string().min(1), row: z.number().int(), objectives: z.array(Objective) })).min(1),
  warnings: z.array(z.string()),
});
export type ObjectivesPlan = z.infer<typeof ObjectivesPlan>;

const headerCells = ['objective', 'where are we now', 'where do we want to be', 'key milestones'];
const joinText = (a: string, b: string) => (a && b ? `${a} ${b}` : a || b).replace(/\s+/g, ' ').trim();
const startsLower = (s: string) => /^[a-z]/.test(s);

/** "400 places by September 2013, 800 places by September 2014" -> two milestones, each with the date its words give. */
export function splitMilestones(text: string): z.infer<typeof Milestone>[] {
  return text
    // Bullets, "; ", ", 800 places", "2015: ...", and a new sentence right after a date ("... June 2013 Healthy Weight ...", "... by 2014 Launch ...").
    .split(/[;\n•\uF0B7]|,\s+(?=\d)|\s+(?=20\d\d:\s)|(?<=\b[A-Z][a-z]+ 20\d\d|\bby 20\d\d|\b20\d\d\/(?:20)?\d\d(?!\d))\s*(?=[A-Z0-9])/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 1)
    .map((s) => ({ text: s, dueDate: parseDueDate(s), dueText: s }));
}

/**
 * Reads a plan laid out as seed 004: priorities named in the contents ("Priority 1:" then its
 * title), and under each priority tables headed "Objective | Where are we now? | Where do we want
 * to be? | Key milestones". Tables broken over pages continue on rows whose first cell is empty
 * or starts mid-sentence; "Aim: ..." rows name a group of objectives and are not objectives.
 */
export function parseObjectives(table: Table, options: { columnMap?: Record<string, string> } = {}): ObjectivesPlan {
  const { fileName, rows } = table;
  const warnings: string[] = [];
  for (const [header, target] of Object.entries(options.columnMap ?? {}))
    if (!headerCells.includes(normaliseHeader(target)))
      throw new CsvImportError({ fileName }, `expected columnMap to map "${header}" to one of the columns "Objective", "Where are we now?", "Where do we want to be?", "Key milestones", not "${target}"`, 'column-map');
  const mapped = new Map(Object.entries(options.columnMap ?? {}).map(([k, v]) => [normaliseHeader(k), normaliseHeader(v)]));
  const norm = (c: string) => mapped.get(normaliseHeader(c)) ?? normaliseHeader(c);

  // The priorities as the contents list them.
  const named: { number: number; title: string }[] = [];
  rows.forEach((cells, i) => {
    const m = /^priority\s+(\d+)\s*:?\s*(.*)$/i.exec(cells[0] ?? '');
    if (!m || named.some((p) => p.number === Number(m[1]))) return;
    const inline = m[2]!.replace(/^\d+\s*[-–]\s*\d+$/, '').trim();
    const next = rows.slice(i + 1).find((r) => (r[0] ?? '') !== '')?.[0] ?? '';
    const title = inline && !/^\d/.test(inline) ? inline : next;
    if (title) named.push({ number: Number(m[1]), title });
  });
  if (named.length === 0) throw new CsvImportError({ fileName }, 'expected the priorities listed as "Priority 1:" followed by the priority\'s title', 'priorities');

  // Each priority's section starts at its title standing alone, after the previous priority's.
  const starts: number[] = [];
  let from = rows.findIndex((cells, i) => i > 0 && /^priority\s+\d/i.test(cells[0] ?? '')) + 1;
  for (const p of named) {
    const at = rows.findIndex((cells, i) => i > from && cells.filter(Boolean).length === 1 && normaliseHeader(cells.find(Boolean)!) === normaliseHeader(p.title) && i !== from);
    if (at < 0) throw new CsvImportError({ fileName }, `expected a section headed "${p.title}" (priority ${p.number})`, 'priority-section');
    starts.push(at);
    from = at;
  }

  const priorities = named.map((p, k) => {
    const end = starts[k + 1] ?? rows.length;
    const objectives: Objective[] = [];
    let offset = -1;
    let current: Omit<Objective, 'milestones'> | null = null;
    const close = () => {
      if (current) objectives.push({ ...current, milestones: splitMilestones(current.milestonesText) });
      current = null;
    };
    for (let i = starts[k]! + 1; i < end; i++) {
      const cells = rows[i]!;
      const at = cells.findIndex((c, j) => headerCells.every((h, d) => norm(cells[j + d] ?? '') === h));
      if (at >= 0) {
        offset = at;
        continue;
      }
      if (offset < 0) continue;
      const [first = '', now = '', wanted = '', milestones = ''] = cells.slice(offset);
      const rest = [now, wanted, milestones].filter(Boolean);
      if (rest.length === 0 && first === '') continue;
      if (first !== '' && !startsLower(first) && rest.length === 0 && !/^aim\s*:/i.test(first)) {
        // A heading standing alone ("Glossary of Terms") ends the tables.
        close();
        offset = -1;
        continue;
      }
      // A row of fragments starting mid-sentence under a capitalised first cell is scrambled text
      // (seed 004's "Early offer of help" block), not an objective; a lowercase first cell is a
      // title carried over a page break and is joined below whatever its other cells hold.
      if (first !== '' && !startsLower(first) && (/^aim\s*:/i.test(first) || rest.filter(startsLower).length >= 2 || (rest.length === 1 && startsLower(now)))) {
        close();
        continue;
      }
      if (first === '' || startsLower(first)) {
        const c = current as Omit<Objective, 'milestones'> | null;
        if (c === null) {
          warnings.push(`${fileName} row ${i + 1}: text continuing no objective skipped`);
          continue;
        }
        current = { ...c, title: joinText(c.title, first), whereNow: joinText(c.whereNow, now), whereWanted: joinText(c.whereWanted, wanted), milestonesText: joinText(c.milestonesText, milestones) };
        continue;
      }
      close();
      current = { row: i + 1, title: first.replace(/\s+/g, ' '), whereNow: joinText('', now), whereWanted: joinText('', wanted), milestonesText: milestones.trim() };
    }
    close();
    if (objectives.length === 0) warnings.push(`${fileName}: no objectives found under priority ${p.number} "${p.title}"`);
    return { ...p, row: starts[k]! + 1, objectives };
  });
  return { priorities, warnings };
}
