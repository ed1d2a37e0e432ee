/** @jsxRuntime automatic @jsxImportSource react */
import { Box, Text } from 'ink';
import { displayPair, priorityName, type OutcomeException, type PlanException, type PlanIntegrity, type RagSummary } from '@ragtrail/core';
import { arrow, countsLegend, countsText, levelCellWidth, pad } from '../view/symbols.js';
import { exceptionBlocks } from '../view/exception-lines.js';
import { wrap } from '../view/wrap.js';
import { RagCell } from './RagCell.js';
import { useTheme } from './theme.js';

/**
 * The board's view of a period: one row per priority, then the overall figure, a legend and the
 * exceptions, the actions' then the outcomes'. Columns are sized from the plan's own scheme, so "Not achieved 3" is written whole;
 * the priority name is what gives way, and the selected one is written out in full below.
 */
export function Dashboard({ summary, exceptions, outcomes = [], selected, room, moreCommand }: {
  summary: RagSummary & { integrity?: PlanIntegrity };
  exceptions: readonly PlanException[];
  outcomes?: readonly OutcomeException[];
  selected: number | null;
  room: number;
  /** The command that lists every exception, named when they do not all fit (time travel adds its moment). */
  moreCommand?: string;
}) {
  const { width } = useTheme();
  const levels = summary.priorities[0]?.current.counts ?? [];
  const cellWidth = levelCellWidth(levels);
  const countsWidth = Math.max(6, ...summary.priorities.map((p) => countsText(p.current.counts).length));
  const carried = summary.priorities.map((p) => `${p.current.notUpdated}/${p.current.scored + p.current.unscored}`);
  const { notUpdated: carriedTotal, actions: actionsTotal } = summary.overall;
  // marker 2, two figures of 6, " ↑ " 3, the cell, a space, the counts, the carried column of 8; one column spare.
  const titleWidth = Math.max(12, width - 1 - (2 + 6 + 6 + 3 + cellWidth + 1 + countsWidth + 8));
  const review = summary.review ? `review ${summary.review.status}` : 'no review';
  const broken = summary.integrity && !summary.integrity.ok ? summary.integrity.firstBreak : null;
  const chosen = selected === null ? undefined : summary.priorities[selected];
  const chosenName = chosen && priorityName(chosen).length > titleWidth ? wrap(priorityName(chosen), width - 3) : [];
  const legend = wrap(`${countsLegend(levels)}. Carried: actions not updated for ${summary.period}, their earlier score carried forward (${carriedTotal} of ${actionsTotal}).`, width - 1);
  // Rows above the exceptions: period, header, priorities, overall, the chosen name, the legend, the exceptions heading.
  const used = 2 + summary.priorities.length + 1 + chosenName.length + legend.length + 1 + (broken ? 1 : 0);
  const exceptionRoom = Math.max(1, room - used);
  // Each exception's sentence wraps under its message column; those that do not fit are counted.
  const blocks = exceptionBlocks(exceptions, outcomes, width - 1);
  const moreLines = (hidden: number) => wrap(`… ${hidden} more (${moreCommand ?? `ragtrail exceptions --plan ${summary.planId}`})`, width - 3);
  const shown: string[][] = [];
  for (let i = 0, rows = 0; i < blocks.length; i++) {
    const more = i < blocks.length - 1 ? moreLines(blocks.length - i - 1).length : 0;
    if (rows + blocks[i]!.length + more > exceptionRoom) break;
    shown.push(blocks[i]!);
    rows += blocks[i]!.length;
  }
  const overall = displayPair(summary.overall.previous, summary.overall.current, summary.overall.direction);
  return (
    <Box flexDirection="column">
      {broken ? <Text color="red" bold wrap="truncate-end">{`! Warning: this plan's log is broken at ${broken.stream} revision ${broken.revision ?? '-'} (${broken.problem}): these figures cannot be relied on; ragtrail verify names every break`}</Text> : null}
      <Text>
        <Text bold>{pad(`${summary.period} against ${summary.previousPeriod}`, 24)}</Text>
        <Text dimColor>{` ${review} · revision ${summary.revision}`}</Text>
      </Text>
      <Text dimColor>{`  ${pad('PRIORITY', titleWidth)}  PREV   NOW   ${pad('WORST', cellWidth)} ${pad('COUNTS', countsWidth)} CARRIED`}</Text>
      {summary.priorities.map((p, i) => {
        const shownPair = displayPair(p.previous.mean, p.current.mean, p.direction);
        return (
          <Text key={p.priorityId ?? 'loose'} inverse={i === selected}>
            {i === selected ? '>' : ' '} {pad(priorityName(p), titleWidth)}
            {shownPair.before.padStart(6)}{shownPair.after.padStart(6)} {arrow(shownPair.direction)} <RagCell counts={p.current.counts} value={p.current.worst} width={cellWidth} /> {pad(countsText(p.current.counts), countsWidth)} {carried[i]!.padStart(7)}
          </Text>
        );
      })}
      <Text bold>
        {'  '}{pad('Overall', titleWidth)}{overall.before.padStart(6)}{overall.after.padStart(6)} {arrow(overall.direction)}{' '.repeat(cellWidth + countsWidth + 3)}{`${carriedTotal}/${actionsTotal}`.padStart(7)}
      </Text>
      {chosenName.map((text, i) => <Text key={`name-${i}`} dimColor>{`  ${text}`}</Text>)}
      {legend.map((text, i) => <Text key={`legend-${i}`} dimColor>{text}</Text>)}
      <Text bold>{`Exceptions (${blocks.length})`}</Text>
      {shown.flat().map((text, i) => <Text key={`x-${i}`}>{text}</Text>)}
      {blocks.length > shown.length ? moreLines(blocks.length - shown.length).map((text, i) => <Text key={`more-${i}`} dimColor>{`  ${text}`}</Text>) : null}
    </Box>
  );
}
