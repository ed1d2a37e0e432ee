import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Prints one result line: the measured value, the baseline measured in the same run, and value/baseline. */
export function report(name: string, value: number, unit: string, baseline: string, baselineValue: number, higherIsBetter = true): void {
  const ratio = higherIsBetter ? value / baselineValue : baselineValue / value;
  process.stdout.write(`${JSON.stringify({ name, value: round(value), unit, baseline, baselineValue: round(baselineValue), ratio: round(ratio) })}\n`);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export const tempDb = (name: string) => join(mkdtempSync(join(tmpdir(), 'ragtrail-bench-')), name);

export const progress = (message: string) => process.stderr.write(`  ${message}\n`);
