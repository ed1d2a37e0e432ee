import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  text: string;
  /** Left and right edges in PDF points from the page's left edge. */
  left: number;
  right: number;
}

export interface PdfPage {
  width: number;
  items: PdfTextItem[];
  /** The page's text run together, for "does page 1 say ..." checks. */
  text: string;
}

/** The text a PDF reader finds on each page, with where each run sits across the page. */
export async function pdfPages(pdf: Buffer): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((i) => ('str' in i && i.str.trim() !== '' ? [{ text: i.str, left: i.transform[4] as number, right: (i.transform[4] as number) + i.width }] : []));
      pages.push({ width: page.view[2]! - page.view[0]!, items, text: items.map((i) => i.text).join(' ') });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
