/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from 'ink';
import type { LevelCount } from '@ragtrail/core';
import { useTheme } from './theme.js';

/** "Not achieved 3" in 12 columns is "Not achiev… 3": the label gives way, the value never does. */
const fit = (label: string, suffix: string, room: number): string =>
  label.length + suffix.length <= room ? `${label}${suffix}` : `${label.slice(0, Math.max(1, room - suffix.length - 1))}…${suffix}`;

/** A score as its level's colour with the label written in it, so the colour is never the only signal. */
export function RagCell({ counts, value, width = 14 }: { counts: readonly LevelCount[]; value: number | null; width?: number }) {
  const { colour } = useTheme();
  const level = value === null ? undefined : counts.find((c) => c.value === value);
  const text = value === null ? '–' : level ? fit(level.label, ` ${value}`, width - 2) : String(value);
  const cell = ` ${text} `.slice(0, width).padEnd(width);
  if (!colour || !level) return <Text>{colour ? cell : `[${text}]`.slice(0, width).padEnd(width)}</Text>;
  return (
    <Text backgroundColor={level.colour} color="#FFFFFF" bold>
      {cell}
    </Text>
  );
}
