/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from 'ink';
import type { LevelCount } from '@ragtrail/core';
import { useTheme } from './theme.js';

/** A score as its level's colour with the label written in it, so the colour is never the only signal. */
export function RagCell({ counts, value, width = 14 }: { counts: readonly LevelCount[]; value: number | null; width?: number }) {
  const { colour } = useTheme();
  const level = value === null ? undefined : counts.find((c) => c.value === value);
  const text = value === null ? '–' : level ? `${level.label} ${value}` : String(value);
  const cell = ` ${text} `.slice(0, width).padEnd(width);
  if (!colour || !level) return <Text>{colour ? cell : `[${text}]`.slice(0, width).padEnd(width)}</Text>;
  return (
    <Text backgroundColor={level.colour} color="#FFFFFF" bold>
      {cell}
    </Text>
  );
}
