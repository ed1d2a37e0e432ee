/** @jsxRuntime automatic @jsxImportSource react */
import { Box, Text } from 'ink';

const keys: [string, string][] = [
  ['↑ ↓  j k', 'move'],
  ['enter', 'open the selected priority or action; next field / save in a form'],
  ['esc', 'back'],
  ['[ ]', 'dashboard: the period before / after (. the latest reviewed)'],
  ['i', 'the plan\'s indicators: value, target, comparators, direction, RAG'],
  ['r', 'record a month for the open action'],
  // Two rows: on one the keys ran past 80 columns.
  ['t', 'time travel: the board and its exceptions as known at any event'],
  ['', '  there ←→ event, [ ] period, d date, g/G start/end'],
  ['p', 'choose another plan'],
  ['?', 'this help'],
  ['q', 'quit'],
];

export function Help() {
  return (
    <Box flexDirection="column">
      <Text bold>Keys</Text>
      {keys.map(([k, what]) => (
        <Text key={k}>{`  ${k.padEnd(10)} ${what}`}</Text>
      ))}
      <Text dimColor>Colours carry a label too; NO_COLOR=1 turns them off. esc or ? closes.</Text>
    </Box>
  );
}
