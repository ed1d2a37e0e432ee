import { setFlagsFromString } from 'node:v8';

/** How much V8 may grow the heap past what the last full collection left live: half, rather than up to four times. */
const GROWING_PERCENT = 50;

const chosenByOperator = (values: readonly (string | undefined)[]) => values.some((v) => v !== undefined && /heap[-_]growing[-_]percent/.test(v));

/**
 * Keeps a long import's resident memory near what it holds. Left alone, V8 lets the heap grow to
 * about four times what was live at the last full collection before collecting again, so a
 * 100,000-row tracker holding 250 MB peaked near 800 MB; at half again it peaks under 600 MB, at
 * the same speed (docs/performance.md). The setting is the process's: the command line calls this
 * before an import and the HTTP server before it starts its import workers; a program that embeds
 * the importers decides for itself. A `--heap-growing-percent` already given to node is kept.
 */
export function keepHeapGrowthModest(): void {
  if (chosenByOperator([...process.execArgv, process.env.NODE_OPTIONS])) return;
  setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
}
