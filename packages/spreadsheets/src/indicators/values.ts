/** Cells that mean "no figure": blank, suppressed ("c", "x", ".."), not applicable. */
const noFigure = new Set(['', '-', '..', '.', 'x', 'c', 'z', 'n/a', 'na', 'null', 'suppressed']);

/** A value cell as a number ("54.6", "6.8%", "1,250"), null for no figure, undefined when it is not a number. */
export function numberOfCell(cell: string): number | null | undefined {
  const text = cell.trim();
  if (noFigure.has(text.toLowerCase())) return null;
  const n = Number(text.replace(/,/g, '').replace(/%$/, '').trim());
  return Number.isFinite(n) ? n : undefined;
}
