/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from 'ink';
import { useTheme } from './theme.js';

/** An error as the one line a person can act on, never a stack trace. */
export function ErrorLine({ error }: { error: Error }) {
  const { colour } = useTheme();
  return <Text color={colour ? 'red' : undefined}>{`! ${error.message.split('\n')[0]}`}</Text>;
}
