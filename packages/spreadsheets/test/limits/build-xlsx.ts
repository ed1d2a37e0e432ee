// Builds XLSX files part by part, so a test can write what Excel never would: a sheet that lies
// about its size, a cell in column XFD, an entry that inflates to hundreds of megabytes.
import { Readable } from 'node:stream';
import yazl from 'yazl';

export type Part = string | Buffer | (() => Readable);

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tracker" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

export const sheetXml = (body: string, dimension?: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${body}</sheetData></worksheet>`;

/** One inline-string cell. */
export const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const row = (r: number, ...cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;

/** A workbook of one sheet named "Tracker"; `extra` adds or replaces parts by name. */
export function buildXlsx(sheet: Part, extra: Record<string, Part> = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const parts: Record<string, Part> = {
    '[Content_Types].xml': contentTypes, '_rels/.rels': rootRels, 'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels': workbookRels, 'xl/worksheets/sheet1.xml': sheet, ...extra,
  };
  for (const [name, part] of Object.entries(parts)) {
    if (typeof part === 'function') zip.addReadStream(part(), name);
    else zip.addBuffer(Buffer.isBuffer(part) ? part : Buffer.from(part), name);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

/** A stream of `bytes` spaces, made a chunk at a time so the test itself never holds them. */
export const spaces = (bytes: number) => () => {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
};
