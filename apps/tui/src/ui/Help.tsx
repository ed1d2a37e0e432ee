/** @jsxRuntime automatic @jsxImportSource react */
import { Box, Text } from 'ink';

const keys: [string, string][] = [
  ['↑ ↓  j k', 'move'],
  ['enter', 'open the selected priority or action; next field / save in a form'],
  ['esc', 'back'],
  ['[ ]', 'dashboard: the period before / after (. back to the latest reviewed)'],
  ['i', 'the plan\'s indicators: latest value, target, comparators, direction and RAG'],
  ['r', 'record a month for the open action'],
  ['t', 'time travel: replay the log (←→ event, [ ] period, d date, g/G start/end)'],
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
      <Text dimColor>Colours carry a label too; set NO_COLOR=1 to turn them off. Press esc or ? to close.</Text>
    </Box>
  );
}
