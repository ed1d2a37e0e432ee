// Workbooks no spreadsheet program would write, built part by part in the test: a sheet that
// declares a huge size, a cell at row 1,048,576 or in column XFD, an entry that inflates far past
// its size, too many entries, and entry names that climb out of the archive.
import { Readable } from 'node:stream';
import yazl from 'yazl';

const contentTypes = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const rootRels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const workbook = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tracker" sheetId="1" r:id="rId1"/></sheets></workbook>';
const workbookRels = (target: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/></Relationships>`;

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const header = `<row r="1">${cell('A1', 'No.')}${cell('B1', 'Recommendation')}</row>`;
const sheet = (rows: string, dimension?: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${header}${rows}</sheetData></worksheet>`;

/** Column letters of a 1-based column number (16384 -> XFD). */
export const columnLetters = (n: number): string => (n <= 0 ? '' : columnLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

type Part = string | (() => Readable);

// yazl refuses to write a name with "..": such names are written with this same-length stand-in,
// then put back into the finished archive's bytes (names are not covered by the CRC).
const CLIMB = '%%/';

async function zip(parts: Record<string, Part>): Promise<Uint8Array<ArrayBuffer>> {
  const file = new yazl.ZipFile();
  for (const [name, part] of Object.entries(parts)) {
    if (typeof part === 'string') file.addBuffer(Buffer.from(part), name);
    else file.addReadStream(part(), name);
  }
  file.end();
  const chunks: Buffer[] = [];
  for await (const chunk of file.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  // A plain Uint8Array (a request body), not a Buffer view of Node's shared pool.
  return new Uint8Array(Buffer.from(Buffer.concat(chunks).toString('latin1').replaceAll(CLIMB, '../'), 'latin1'));
}

const workbookOf = (sheetPart: Part, extra: Record<string, Part> = {}, sheetTarget = 'worksheets/sheet1.xml') => zip({
  '[Content_Types].xml': contentTypes, '_rels/.rels': rootRels, 'xl/workbook.xml': workbook,
  'xl/_rels/workbook.xml.rels': workbookRels(sheetTarget), 'xl/worksheets/sheet1.xml': sheetPart, ...extra,
});

/** A sheet whose <dimension> claims `ref` (e.g. A1:XFD1048576) and holds only its header. */
export const declaring = (ref: string) => workbookOf(sheet('', ref));

/** One cell at row `row` (1,048,576 is Excel's last). */
export const cellAtRow = (row: number) => workbookOf(sheet(`<row r="${row}">${cell(`A${row}`, 'x')}</row>`));

/** `rows` rows, each one cell in column `column` (16384 = XFD): the 12 KB spreadsheet of issue 17. */
export const cellsInColumn = (column: number, rows: number) =>
  workbookOf(sheet(Array.from({ length: rows }, (_, i) => `<row r="${i + 2}">${cell(`${columnLetters(column)}${i + 2}`, 'x')}</row>`).join('')));

/** A sheet padded with `bytes` of spaces: a few KB of archive that inflates to `bytes`. */
export const inflatingTo = (bytes: number) => workbookOf(() => {
  const [head, tail] = sheet('').split('</sheetData>') as [string, string];
  const pad = Buffer.alloc(1 << 20, 0x20);
  let left = bytes;
  return Readable.from((function* () {
    yield Buffer.from(head);
    while (left > 0) { const n = Math.min(left, pad.length); left -= n; yield pad.subarray(0, n); }
    yield Buffer.from(`</sheetData>${tail}`);
  })());
});

/** `count` extra entries beside the workbook's own. */
export const withEntries = (count: number) =>
  workbookOf(sheet(''), Object.fromEntries(Array.from({ length: count }, (_, i) => [`xl/media/${i}.xml`, 'x'])));

/** An entry named `../../<name>`, and (if asked) the sheet's relationship pointing out of the archive too. */
export const climbing = (name: string, relationshipToo: boolean) =>
  workbookOf(sheet(''), { [`${CLIMB}${CLIMB}${name}`]: 'x' }, relationshipToo ? `../../../${name}` : 'worksheets/sheet1.xml');
