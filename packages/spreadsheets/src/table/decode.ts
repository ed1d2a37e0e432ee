/**
 * The text of a delimited file as Excel and council systems save it: UTF-8 with or without a BOM
 * ("CSV UTF-8"), UTF-16 with a BOM ("Unicode Text", Excel's tab-separated export), or, when the
 * bytes are not valid UTF-8, Windows-1252 (Excel's plain "CSV" on Windows), so "£" and curly
 * apostrophes arrive as written instead of as replacement characters.
 */
export function decodeText(content: Buffer | string): string {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content.subarray(2));
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return decodeWindows1252(content);
  }
}

// Windows-1252's 0x80-0x9F, where it differs from Latin-1 (undefined bytes stay as they are).
const cp1252High = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** By hand because Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as Latin-1 control characters. */
function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80]!);
}
