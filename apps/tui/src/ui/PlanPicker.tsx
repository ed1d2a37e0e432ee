/** @jsxRuntime automatic @jsxImportSource react */
import { useState } from 'react';
import { Box, Text } from 'ink';
import type { PlanListing } from '@ragtrail/core';
import { pad } from '../view/symbols.js';
import { isDown, isUp, useKeys } from './keys.js';
import { useTheme } from './theme.js';

export function PlanPicker({ plans, onPick }: { plans: readonly PlanListing[]; onPick: (planId: string) => void }) {
  const [selected, setSelected] = useState(0);
  const { width } = useTheme();
  useKeys((input, key) => {
    if (isDown(input, key)) setSelected((s) => Math.min(plans.length - 1, s + 1));
    else if (isUp(input, key)) setSelected((s) => Math.max(0, s - 1));
    else if (key.return && plans[selected]) onPick(plans[selected].planId);
  });
  // Title takes what the other columns (46 characters with the marker) leave, so a row never wraps.
  if (plans.length === 0) return <Text>No plans in this store yet: run `ragtrail demo` or `ragtrail import tracker FILE`, then come back.</Text>;
  return (
    <Box flexDirection="column">
      <Text bold>Choose a plan</Text>
      {plans.map((p, i) => (
        <Text key={p.planId} inverse={i === selected}>
          {i === selected ? '>' : ' '} {pad(p.title, width - 46)} {pad(p.organisation, 20)} {String(p.actions).padStart(3)} actions {p.latestPeriod ?? '–'}
        </Text>
      ))}
    </Box>
  );
}
