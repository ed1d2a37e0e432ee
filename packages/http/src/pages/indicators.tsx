/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { figure, type IndicatorView, type RagSummary } from '@ragtrail/core';
import { priorityHeading } from '@ragtrail/core/internal';
import { TableScroll } from './govuk.js';

const arrows = { improving: '↑', maintained: '→', declining: '↓' } as const;
const ragWords = { 'on-target': 'on target', 'within-tolerance': 'within tolerance', 'off-target': 'off target' } as const;

/**
 * The value's series as a small SVG line, with the target trajectory dashed and each comparator's
 * latest figure as a dotted level: drawn on the server, so it needs no script and prints.
 */
function Sparkline({ v }: { v: IndicatorView }) {
  const points = [...v.series.map((s) => s.value), ...v.trajectory.map((t) => t.value), ...Object.values(v.comparators).map((c) => c.value)];
  if (v.series.length < 2 && v.trajectory.length === 0) return null;
  const periods = [...new Set([...v.series.map((s) => s.period), ...v.trajectory.map((t) => t.by)])].sort();
  const [w, h] = [120, 32];
  const lo = Math.min(...points);
  const hi = Math.max(...points);
  const x = (p: string) => (periods.length === 1 ? w / 2 : (periods.indexOf(p) / (periods.length - 1)) * (w - 4) + 2);
  const y = (n: number) => (hi === lo ? h / 2 : h - 2 - ((n - lo) / (hi - lo)) * (h - 4));
  const line = (pts: { period: string; value: number }[]) => pts.map((p) => `${x(p.period).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg class="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${v.name}: ${v.series.map((s) => `${s.period} ${figure(v, s.value)}`).join(', ')}`}>
      {v.trajectory.length > 0 ? <polyline fill="none" stroke="currentColor" stroke-dasharray="3 2" stroke-opacity="0.6" points={line(v.trajectory.map((t) => ({ period: t.by, value: t.value })))} /> : null}
      {Object.values(v.comparators).map((c) => <line x1="0" x2={w} y1={y(c.value)} y2={y(c.value)} stroke="currentColor" stroke-dasharray="1 2" stroke-opacity="0.5" />)}
      <polyline fill="none" stroke="currentColor" stroke-width="1.5" points={line(v.series)} />
    </svg>
  );
}

function Row({ v }: { v: IndicatorView }) {
  const comparators = Object.entries(v.comparators);
  return (
    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">{v.name}</th>
      <td class="govuk-table__cell">{v.latest ? `${figure(v, v.latest.value)} (${v.latest.period})` : '–'}</td>
      <td class="govuk-table__cell">{v.target ? figure(v, v.target.value) : v.band ? `${figure(v, v.band.low)} to ${figure(v, v.band.high)}` : '–'}{v.rag ? <><br /><em>{ragWords[v.rag]}</em></> : null}</td>
      <td class="govuk-table__cell">{comparators.length === 0 ? '–' : comparators.map(([name, c], i) => <>{i > 0 ? <br /> : null}{c.relation === 'better' ? 'better than' : c.relation === 'same' ? 'in line with' : 'worse than'} {name} ({figure(v, c.value)})</>)}</td>
      <td class="govuk-table__cell">{v.direction ? <span><span aria-hidden="true">{arrows[v.direction]} </span>{v.direction}</span> : '–'}</td>
      <td class="govuk-table__cell"><Sparkline v={v} /></td>
    </tr>
  );
}

/** Each priority's indicators beside its RAG figures: shown with them, never averaged into them. */
export function IndicatorsByPriority({ summary, indicators }: { summary: RagSummary; indicators: readonly IndicatorView[] }) {
  if (indicators.length === 0) return null;
  const groups = [
    ...summary.priorities.map((p) => ({ heading: priorityHeading(p), list: indicators.filter((i) => p.priorityId !== null && i.priorityIds.includes(p.priorityId)) })),
    { heading: 'Indicators of no priority', list: indicators.filter((i) => i.priorityIds.length === 0 || !summary.priorities.some((p) => p.priorityId !== null && i.priorityIds.includes(p.priorityId))) },
  ].filter((g) => g.list.length > 0);
  return (
    <section aria-labelledby="indicators-heading">
      <h2 class="govuk-heading-m" id="indicators-heading">Indicators</h2>
      {groups.map((g) => (
        <TableScroll label={`Indicators: ${g.heading}`}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">{g.heading}</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Indicator</th><th scope="col" class="govuk-table__header">Latest</th><th scope="col" class="govuk-table__header">Target</th><th scope="col" class="govuk-table__header">Comparators</th><th scope="col" class="govuk-table__header">Direction</th><th scope="col" class="govuk-table__header">Trend</th></tr></thead>
          <tbody class="govuk-table__body">{g.list.map((v) => <Row v={v} />)}</tbody>
        </table>
        </TableScroll>
      ))}
      <p class="govuk-body-s">Directions and comparisons go through each indicator's polarity (whether higher or lower is better); the dashed line is the target trajectory, dotted lines the comparators.</p>
    </section>
  );
}
