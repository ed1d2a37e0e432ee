/*
 * Deliberately repeated from @ragtrail/core (integrity/extract-checkpoint.ts): a board report or evidence pack
 * (markdown or html) prints its checkpoint between these two lines; a file without them is the checkpoint itself.
 */
export const CHECKPOINT_BEGIN = '-----BEGIN RAGTRAIL CHECKPOINT-----';
export const CHECKPOINT_END = '-----END RAGTRAIL CHECKPOINT-----';

const MAX_DOCUMENT = 64 * 1024 * 1024;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const stripTags = (s: string): string => s.replace(/<[^>]*>/g, '');

/** A marker counts only at the start of a line (after html tags), not quoted inside a sentence. */
function findMarkerLine(text: string, marker: string, from: number): number {
  for (let at = text.indexOf(marker, from); at !== -1; at = text.indexOf(marker, at + 1)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const after = text.charAt(at + marker.length);
    if (stripTags(text.slice(lineStart, at)).trim() === '' && (after === '\n' || after === '<' || after === '')) return at;
  }
  return -1;
}

export function extractCheckpoints(document: string): string[] {
  if (document.length > MAX_DOCUMENT) throw new Error(`the document is larger than ${MAX_DOCUMENT} characters`);
  const text = document.replace(/\r\n/g, '\n');
  const html = /^\s*(<!doctype html|<html|<)/i.test(text);
  const found: string[] = [];
  for (let from = 0; ;) {
    const begin = findMarkerLine(text, CHECKPOINT_BEGIN, from);
    if (begin === -1) return found;
    const start = begin + CHECKPOINT_BEGIN.length;
    const end = findMarkerLine(text, CHECKPOINT_END, start);
    if (end === -1) throw new Error(`a ${CHECKPOINT_BEGIN} line has no ${CHECKPOINT_END} line after it`);
    const raw = text.slice(start, end);
    const region = html ? stripTags(raw).replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e) : raw;
    found.push(region.slice(region.indexOf('\n') + 1, region.lastIndexOf('\n') + 1));
    from = end + CHECKPOINT_END.length;
  }
}

export function extractCheckpoint(document: string): string {
  const found = extractCheckpoints(document);
  if (found.length > 1) throw new Error(`the document carries ${found.length} checkpoints; expected one`);
  return found[0] ?? document.replace(/\r\n/g, '\n');
}
