import type { Indicator } from './state.js';

/**
 * A figure as people write it: "6.8%", "54 per 10,000", "39". Trailing zeros are dropped, so a
 * rate of 54 reads "54", not "54.0", while 54.6 keeps its decimal.
 */
export function figure(ind: Pick<Indicator, 'unit' | 'decimals'>, value: number): string {
  const text = String(Number(value.toFixed(ind.decimals)));
  const unit = ind.unit.trim();
  if (unit === '' || unit.toLowerCase() === 'count' || unit.toLowerCase() === 'number') return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** "statistical neighbours" stays as it is; names read in sentences as the plan wrote them. */
export const comparatorPhrase = (name: string): string => name.trim();
