/** @jsxRuntime automatic @jsxImportSource react */
import { Box, Text } from 'ink';
import { formatFigure, priorityName, type PlanException, type PlanIntegrity, type RagSummary } from '@ragtrail/core';
import { arrow, countsText, pad } from '../view/symbols.js';
import { RagCell } from './RagCell.js';
import { useTheme } from './theme.js';

const FIXED = 2 + 6 + 6 + 3 + 15 + 16;

/** The board's view of a period: one row per priority, then the overall figure and the exceptions. */
export function Dashboard({ summary, exceptions, selected, room }: { summary: RagSummary & { integrity?: PlanIntegrity }; exceptions: readonly PlanException[]; selected: number | null; room: number }) {
  const { width } = useTheme();
  const titleWidth = Math.max(20, width - FIXED - 2);
  const review = summary.review ? `review ${summary.review.status}` : 'no review';
  const broken = summary.integrity && !summary.integrity.ok ? summary.integrity.firstBreak : null;
  // The warning line takes one row of the room the exceptions would have.
  const exceptionRoom = Math.max(1, room - summary.priorities.length - 4 - (broken ? 1 : 0));
  const shown = exceptions.slice(0, exceptionRoom - (exceptions.length > exceptionRoom ? 1 : 0));
  return (
    <Box flexDirection="column">
      {broken ? <Text color="red" bold wrap="truncate-end">{`! Warning: this plan's log is broken at ${broken.stream} revision ${broken.revision ?? '-'} (${broken.problem}): these figures cannot be relied on; ragtrail verify names every break`}</Text> : null}
      <Text>
        <Text bold>{pad(`${summary.period} against ${summary.previousPeriod}`, 24)}</Text>
        <Text dimColor>{` ${review} · revision ${summary.revision}`}</Text>
      </Text>
      <Text dimColor>{`  ${pad('PRIORITY', titleWidth)}  PREV   NOW    WORST          COUNTS`}</Text>
      {summary.priorities.map((p, i) => (
        <Text key={p.priorityId ?? 'loose'} inverse={i === selected}>
          {i === selected ? '>' : ' '} {pad(priorityName(p), titleWidth)}
          {formatFigure(p.previous.mean).padStart(6)}{formatFigure(p.current.mean).padStart(6)} {arrow(p.direction)} <RagCell counts={p.current.counts} value={p.current.worst} /> {pad(countsText(p.current.counts), 15)}
        </Text>
      ))}
      <Text bold>
        {'  '}{pad('Overall', titleWidth)}{formatFigure(summary.overall.previous).padStart(6)}{formatFigure(summary.overall.current).padStart(6)} {arrow(summary.overall.direction)}
      </Text>
      <Text bold>{`Exceptions (${exceptions.length})`}</Text>
      {shown.map((e, i) => (
        <Text key={`${e.kind}-${e.actionId}-${i}`}>
          {'  '}{pad(e.kind, 20)} {pad(e.ref, 10)} {pad(e.message, Math.max(10, width - 36))}
        </Text>
      ))}
      {exceptions.length > shown.length ? <Text dimColor>{`  … ${exceptions.length - shown.length} more (ragtrail exceptions --plan ${summary.planId})`}</Text> : null}
    </Box>
  );
}
