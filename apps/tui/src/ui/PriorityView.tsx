/** @jsxRuntime automatic @jsxImportSource react */
import { useState } from 'react';
import { Box, Text } from 'ink';
import type { PrioritySummaryRow } from '@ragtrail/core';
import { arrow, levelCellWidth, pad } from '../view/symbols.js';
import { wrap } from '../view/wrap.js';
import { isDown, isUp, useKeys } from './keys.js';
import { RagCell } from './RagCell.js';
import { useTheme } from './theme.js';

/**
 * One priority's actions in the period: score, previous score, direction stated and shown. A score
 * carried forward from an earlier period says "not updated" on its row, and the count heads the list.
 */
export function PriorityView({ priority, period, onOpen, room }: { priority: PrioritySummaryRow; period: string; onOpen: (actionId: string) => void; room: number }) {
  const [selected, setSelected] = useState(0);
  const { width } = useTheme();
  const actions = priority.actions;
  useKeys((input, key) => {
    if (isDown(input, key)) setSelected((s) => Math.min(actions.length - 1, s + 1));
    else if (isUp(input, key)) setSelected((s) => Math.max(0, s - 1));
    else if (key.return && actions[selected]) onOpen(actions[selected].actionId);
  });
  const cellWidth = levelCellWidth(priority.current.counts);
  const heading = wrap(`${priority.number > 0 ? `${priority.number}. ` : ''}${priority.title}`, width - 1);
  const notUpdated = actions.filter((a) => a.notUpdated).length;
  const carried = wrap(notUpdated === 0 ? `Every action updated for ${period}.` : `${notUpdated} of ${actions.length} not updated for ${period}: their earlier score is carried forward into the figures.`, width - 1);
  // marker 2, reference 10 and a space, a space, the cell, PREV 5, direction 5, STATED 14; one column spare.
  const titleWidth = Math.max(12, width - 1 - (2 + 11 + 1 + cellWidth + 5 + 5 + 14));
  const chosen = actions[selected];
  const chosenTitle = chosen && chosen.title.length > titleWidth ? wrap(`${chosen.ref} ${chosen.title}`, width - 3) : [];
  const visible = Math.max(3, room - 1 - heading.length - carried.length - chosenTitle.length);
  const first = Math.max(0, Math.min(selected - Math.floor(visible / 2), actions.length - visible));
  return (
    <Box flexDirection="column">
      {heading.map((text, i) => <Text key={`h-${i}`} bold>{text}</Text>)}
      {carried.map((text, i) => <Text key={`c-${i}`} dimColor>{text}</Text>)}
      <Text dimColor>{`  ${pad('ACTION', 10)} ${pad('TITLE', titleWidth)} ${pad('SCORE', cellWidth)} PREV DIR STATED`}</Text>
      {actions.length === 0 ? <Text>No active actions under this priority.</Text> : null}
      {actions.slice(first, first + visible).map((a, k) => {
        const i = first + k;
        const stated = a.statedDirection ? `${arrow(a.statedDirection)}${a.derivedDirection && a.statedDirection !== a.derivedDirection ? '!' : ''}` : '';
        return (
          <Text key={a.actionId} inverse={i === selected}>
            {i === selected ? '>' : ' '} {pad(a.ref, 10)} {pad(a.title, titleWidth)} <RagCell counts={priority.current.counts} value={a.score} width={cellWidth} />
            {(a.previousScore === null ? '–' : String(a.previousScore)).padStart(5)}  {arrow(a.derivedDirection)}  {pad(stated + (a.notUpdated ? ' not updated' : ''), 14)}
          </Text>
        );
      })}
      {chosenTitle.map((text, i) => <Text key={`t-${i}`} dimColor>{`  ${text}`}</Text>)}
    </Box>
  );
}
