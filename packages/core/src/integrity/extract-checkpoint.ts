/**
 * Finds the signed checkpoint a board report or evidence pack carries. Reports print it between two marker
 * lines (inside a ```text fence in markdown, inside <pre> in html) so a reader can copy it:
 *
 *   -----BEGIN RAGTRAIL CHECKPOINT-----
 *   <the signed note, byte for byte>
 *   -----END RAGTRAIL CHECKPOINT-----
 *
 * A file without markers is taken to be the checkpoint itself. The verifier package repeats this function.
 */
export const CHECKPOINT_BEGIN = '-----BEGIN RAGTRAIL CHECKPOINT-----';
/** The line that ends a checkpoint embedded in a report; `CHECKPOINT_BEGIN` starts it. */
export const CHECKPOINT_END = '-----END RAGTRAIL CHECKPOINT-----';

const MAX_DOCUMENT = 64 * 1024 * 1024;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** Wraps a signed checkpoint in the markers, for a report to print. */
export const markCheckpoint = (note: string): string => `${CHECKPOINT_BEGIN}\n${note}${CHECKPOINT_END}\n`;

/** Every checkpoint between markers in a document, in order, as the signed notes they are. */
export function extractCheckpoints(document: string): string[] {
  if (document.length > MAX_DOCUMENT) throw new Error(`the document is larger than ${MAX_DOCUMENT} characters`);
  const text = document.replace(/\r\n/g, '\n');
  const html = /^\s*(<!doctype html|<html|<)/i.test(text);
  const found: string[] = [];
  let from = 0;
  for (;;) {
    const begin = findMarkerLine(text, CHECKPOINT_BEGIN, from);
    if (begin === -1) break;
    const start = begin + CHECKPOINT_BEGIN.length;
    const end = findMarkerLine(text, CHECKPOINT_END, start);
    if (end === -1) throw new Error(`a ${CHECKPOINT_BEGIN} line has no ${CHECKPOINT_END} line after it`);
    const raw = text.slice(start, end);
    const region = html ? unescapeHtml(raw.replace(/<[^>]*>/g, '')) : raw;
    // The note runs from the line after BEGIN to the end of the line before END (whose indentation is dropped).
    found.push(region.slice(region.indexOf('\n') + 1, region.lastIndexOf('\n') + 1));
    from = end + CHECKPOINT_END.length;
  }
  return found;
}

/** The one checkpoint a file holds: between markers, or the whole file when it has none. */
export function extractCheckpoint(document: string): string {
  const found = extractCheckpoints(document);
  if (found.length > 1) throw new Error(`the document carries ${found.length} checkpoints; expected one`);
  return found[0] ?? document.replace(/\r\n/g, '\n');
}

/**
 * A marker counts at the start of a line (after html tags such as <pre> or <code>), so a sentence that merely
 * quotes the marker text is not mistaken for one.
 */
function findMarkerLine(text: string, marker: string, from: number): number {
  for (let at = text.indexOf(marker, from); at !== -1; at = text.indexOf(marker, at + 1)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const before = text.slice(lineStart, at).replace(/<[^>]*>/g, '');
    const after = text.charAt(at + marker.length);
    if (before.trim() === '' && (after === '\n' || after === '<' || after === '')) return at;
  }
  return -1;
}

const unescapeHtml = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);
