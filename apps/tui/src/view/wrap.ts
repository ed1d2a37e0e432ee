/**
 * Wraps text into lines of at most `width` characters, at spaces where it can: a label is never
 * cut short. A word longer than the line is split across lines rather than dropped.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w.length > 0; w = w.slice(width)) {
      const piece = w.slice(0, width);
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
      if (w.length <= width) break;
    }
  }
  return [...lines, line];
}
