import { z } from 'zod';
import { EvidenceKind } from '@ragtrail/core';
import { parseDayMonthYear } from '../dates.js';

/** One piece of evidence as a tracker cell holds it. */
export const EvidenceItem = z.object({
  title: z.string().min(1),
  link: z.string().min(1).nullable(),
  contentHash: z.string().nullable(),
  kind: EvidenceKind.nullable(),
  observedOn: z.string().nullable(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

const hashRef = /^sha256:([0-9a-f]{64})$/;
// One item and the separator after it; read with a sticky scan so ";" inside a link stays in it.
const item = /\s*([^<>\n;][^<>\n]*?|)\s*<([^<>]+)>[ \t]*(?:\(([^()]*)\))?[ \t]*(?:[;\n]+|$)/y;

/**
 * Reads an Evidence cell: items separated by ";" or line breaks, each `Title <link>` or
 * `Title <sha256:HEX>`, optionally followed by `(kind, observed 2018-03-31, sha256:HEX)`.
 * Returns the items, or the text where reading stopped, so the caller can name it in its error.
 */
export function parseEvidenceCell(cell: string): { items: EvidenceItem[] } | { bad: string } {
  const text = cell.trim();
  const items: EvidenceItem[] = [];
  item.lastIndex = 0;
  while (item.lastIndex < text.length) {
    const from = item.lastIndex;
    const m = item.exec(text);
    const bad = { bad: text.slice(from).split('\n')[0]!.trim() };
    if (!m) return bad;
    const ref = m[2]!.trim();
    const hashInRef = hashRef.exec(ref);
    let kind: EvidenceItem['kind'] = null;
    let observedOn: string | null = null;
    let contentHash = hashInRef ? hashInRef[1]! : null;
    for (const detail of (m[3] ?? '').split(',').map((d) => d.trim()).filter(Boolean)) {
      const observed = /^observed\s+(.+)$/i.exec(detail);
      const hash = hashRef.exec(detail);
      const parsedKind = EvidenceKind.safeParse(detail.toLowerCase());
      if (observed) observedOn = /^\d{4}-\d{2}-\d{2}$/.test(observed[1]!) ? observed[1]! : parseDayMonthYear(observed[1]!);
      else if (hash) contentHash = hash[1]!;
      else if (parsedKind.success) kind = parsedKind.data;
      else return bad;
      if (observed && observedOn === null) return bad;
    }
    items.push({ title: m[1]!.trim() || ref, link: hashInRef ? null : ref, contentHash, kind, observedOn });
  }
  return { items };
}

/** Evidence back into the cell, the inverse of parseEvidenceCell: one item per line with every detail written out. */
export function evidenceCell(items: readonly { title: string; link: string | null; contentHash: string | null; kind: string; observedOn: string }[]): string {
  return items
    .map((e) => {
      const ref = e.link ?? `sha256:${e.contentHash}`;
      const details = [e.kind, `observed ${e.observedOn}`, ...(e.link !== null && e.contentHash !== null ? [`sha256:${e.contentHash}`] : [])];
      return `${e.title} <${ref}> (${details.join(', ')})`;
    })
    .join('\n');
}
