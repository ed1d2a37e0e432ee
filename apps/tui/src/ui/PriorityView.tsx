/** @jsxRuntime automatic @jsxImportSource react */
import { useState } from 'react';
import { Box, Text } from 'ink';
import type { PrioritySummaryRow } from '@ragtrail/core';
import { arrow, pad } from '../view/symbols.js';
import { isDown, isUp, useKeys } from './keys.js';
import { RagCell } from './RagCell.js';
import { useTheme } from './theme.js';

/** One priority's actions in the period: score, previous score, direction stated and shown, update. */
export function PriorityView({ priority, onOpen, room }: { priority: PrioritySummaryRow; onOpen: (actionId: string) => void; room: number }) {
  const [selected, setSelected] = useState(0);
  const { width } = useTheme();
  const actions = priority.actions;
  useKeys((input, key) => {
    if (isDown(input, key)) setSelected((s) => Math.min(actions.length - 1, s + 1));
    else if (isUp(input, key)) setSelected((s) => Math.max(0, s - 1));
    else if (key.return && actions[selected]) onOpen(actions[selected].actionId);
  });
  const visible = Math.max(3, room - 3);
  const first = Math.max(0, Math.min(selected - Math.floor(visible / 2), actions.length - visible));
  const titleWidth = Math.max(12, width - 56);
  return (
    <Box flexDirection="column">
      <Text bold>{`${priority.number > 0 ? `${priority.number}. ` : ''}${priority.title}`}</Text>
      <Text dimColor>{`  ${pad('ACTION', 10)} ${pad('TITLE', titleWidth)} ${pad('SCORE', 14)} PREV DIR  STATED`}</Text>
      {actions.length === 0 ? <Text>No active actions under this priority.</Text> : null}
      {actions.slice(first, first + visible).map((a, k) => {
        const i = first + k;
        const stated = a.statedDirection ? `${arrow(a.statedDirection)}${a.derivedDirection && a.statedDirection !== a.derivedDirection ? '!' : ''}` : '';
        return (
          <Text key={a.actionId} inverse={i === selected}>
            {i === selected ? '>' : ' '} {pad(a.ref, 10)} {pad(a.title, titleWidth)} <RagCell counts={priority.current.counts} value={a.score} />
            {(a.previousScore === null ? '–' : String(a.previousScore)).padStart(5)}  {arrow(a.derivedDirection)}   {pad(stated + (a.notUpdated ? ' not updated' : ''), 13)}
          </Text>
        );
      })}
    </Box>
  );
}
