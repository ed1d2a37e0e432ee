/** @jsxRuntime automatic @jsxImportSource react */
import { useState } from 'react';
import { Box, Text } from 'ink';
import type { IndicatorView } from '@ragtrail/core';
import type { PlanData } from '../sources/source.js';
import { indicatorLines } from '../view/indicator-lines.js';
import { wrap } from '../view/wrap.js';
import { ErrorLine } from './ErrorLine.js';
import { isDown, isUp, useKeys } from './keys.js';
import { useTheme } from './theme.js';
import { useAsync } from './use-async.js';

/**
 * The plan's indicators, beside the action RAG the dashboard shows: for each, the latest value,
 * target, comparators, direction and RAG in words. Every judgement is the core's (through the
 * indicator's polarity); this screen only lays it out. ↑↓ moves, and the chosen one's sentence
 * is written out below.
 */
export function IndicatorsView({ data, planId, period, version, room }: { data: PlanData; planId: string; period: string | null; version: number; room: number }) {
  const { width } = useTheme();
  const [selected, setSelected] = useState(0);
  const loaded = useAsync(() => data.indicators(planId, period ? { period } : {}), [planId, period, version]);
  const list: readonly IndicatorView[] = loaded.data?.indicators ?? [];
  useKeys((input, key) => {
    if (isDown(input, key)) setSelected((s) => Math.min(list.length - 1, s + 1));
    else if (isUp(input, key)) setSelected((s) => Math.max(0, s - 1));
  });
  if (loaded.error) return <ErrorLine error={loaded.error} />;
  if (!loaded.data) return <Text>Loading the indicators…</Text>;
  const heading = `Indicators${loaded.data.period ? ` as at ${loaded.data.period}` : ', latest values'} (${list.length})`;
  if (list.length === 0) return <Box flexDirection="column"><Text bold>{heading}</Text><Text>No indicators in this plan yet: an admin defines one with `ragtrail indicator add`.</Text></Box>;
  const sentence = wrap(list[selected]?.sentence ?? '', width - 1);
  // The list takes what the heading and the chosen one's sentence leave, scrolled to keep the choice in view.
  const blocks = list.map((v) => indicatorLines(v, width - 3));
  const space = Math.max(3, room - 2 - sentence.length);
  let first = 0;
  const rowsFrom = (from: number, to: number) => blocks.slice(from, to + 1).reduce((n, b) => n + b.length, 0);
  while (first < selected && rowsFrom(first, selected) > space) first++;
  const shown: { index: number; lines: string[] }[] = [];
  for (let i = first, used = 0; i < blocks.length && used + blocks[i]!.length <= space; used += blocks[i]!.length, i++) shown.push({ index: i, lines: blocks[i]! });
  return (
    <Box flexDirection="column">
      <Text bold>{heading}</Text>
      {shown.flatMap(({ index, lines }) => lines.map((text, k) => (
        <Text key={`${index}-${k}`} inverse={index === selected && k === 0}>{`${index === selected && k === 0 ? '>' : ' '} ${text}`}</Text>
      )))}
      <Text dimColor>{first > 0 || shown.length < list.length ? `  (${shown.length} of ${list.length} shown: ↑↓ for the rest)` : ' '}</Text>
      {sentence.map((text, i) => <Text key={`s-${i}`} dimColor>{text}</Text>)}
    </Box>
  );
}
