import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';

/** A1-style column letters to a 1-based number: A -> 1, XFD -> 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The bottom-right corner a `<dimension ref="A1:XFD2000">` declares, or null when it declares none we can read. */
export function parseDimensionRef(ref: string): { rows: number; columns: number } | null {
  const last = ref.split(':').pop()!.trim();
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(last);
  return m ? { rows: Number(m[2]), columns: columnNumber(m[1]!) } : null;
}

/**
 * What a worksheet says about its own size, read with saxes from the start of its XML up to
 * `<sheetData>` (where `<dimension>` stands, if anywhere), then the stream is dropped: a few
 * hundred bytes are parsed whatever the sheet holds.
 */
export async function declaredDimension(xml: Readable): Promise<{ rows: number; columns: number } | null> {
  const parser = new SaxesParser();
  let found: { rows: number; columns: number } | null = null;
  let done = false;
  parser.on('opentag', (node) => {
    if (done) return;
    const local = node.name.slice(node.name.indexOf(':') + 1);
    if (local === 'dimension') {
      const ref = node.attributes.ref;
      found = typeof ref === 'string' ? parseDimensionRef(ref) : null;
      done = true;
    } else if (local === 'sheetData') done = true;
  });
  try {
    for await (const chunk of xml) {
      parser.write(String(chunk));
      if (done) break;
    }
  } finally {
    xml.destroy();
  }
  return found;
}
