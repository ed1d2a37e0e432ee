import type { IndicatorRag, IndicatorView, OutcomeDirection, Relation } from '@ragtrail/core';
import { wrap } from './wrap.js';

// Words and arrows for the core's judgements; the judgements themselves (direction through the
// polarity, RAG against the trajectory and tolerance, better or worse than a comparator) are the core's.
const arrows: Record<OutcomeDirection, string> = { improving: '↑', maintained: '→', declining: '↓' };
const ragWords: Record<IndicatorRag, string> = { 'on-target': 'on target', 'within-tolerance': 'within tolerance', 'off-target': 'off target' };
const relationWords: Record<Relation, string> = { better: 'better than', same: 'level with', worse: 'worse than' };

const figure = (v: IndicatorView, value: number): string => value.toFixed(v.decimals);

function betterInWords(v: IndicatorView): string {
  if (v.better === 'band' && v.band) return `best within ${figure(v, v.band.low)} to ${figure(v, v.band.high)}`;
  return `${v.better} is better`;
}

/**
 * One indicator in lines of at most `width` characters, nothing cut: its id and name, then the
 * latest value, the direction in an arrow and a word, the target, the RAG in words, which way is
 * better and each comparator; continuation lines are indented.
 */
export function indicatorLines(v: IndicatorView, width: number): string[] {
  const head = wrap(`${v.id}  ${v.name}${v.unit ? ` (${v.unit})` : ''}`, width);
  const facts = [
    v.latest ? `latest ${figure(v, v.latest.value)} in ${v.latest.period}` : 'no value yet',
    v.direction ? `${arrows[v.direction]} ${v.direction}${v.previous ? ` from ${figure(v, v.previous.value)}` : ''}` : 'no earlier value to compare',
    v.target ? `target ${figure(v, v.target.value)}` : v.better === 'band' ? null : 'no target',
    v.rag ? `RAG ${ragWords[v.rag]}` : null,
    betterInWords(v),
    ...Object.entries(v.comparators).map(([name, c]) => `${relationWords[c.relation]} ${name} (${figure(v, c.value)})`),
  ].filter((f): f is string => f !== null);
  return [...head.map((l, i) => (i === 0 ? l : `  ${l}`)), ...wrap(facts.join(' · '), width - 2).map((l) => `  ${l}`)];
}
