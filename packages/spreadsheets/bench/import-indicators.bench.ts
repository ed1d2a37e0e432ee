// import-indicators: rows per second importing a regional benchmarking sheet in the long layout
// (IMPORT_ROWS rows, default 30,000: 150 authorities x 20 indicators x 10 years, with statistical
// neighbours and England columns) into a plan's outcomes, against csv-parse reading the same file
// in the same run. The issue's aim: no less than half csv-parse's rate (ratio >= 0.5). Prints one
// JSON line; never asserts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { admin, officer, seedPlan } from '@ragtrail/core/testing';
import { importIndicators } from '../src/index.js';

const ROWS = Number(process.env.IMPORT_ROWS ?? 30_000);
const INDICATORS = 20;
const YEARS = 10;
const authorities = Math.max(1, Math.round(ROWS / (INDICATORS * YEARS)));

const lines = ['LA name,Indicator,Year,Value,Statistical neighbours,England,Source'];
for (let a = 0; a < authorities; a++)
  for (let i = 0; i < INDICATORS; i++)
    for (let y = 0; y < YEARS; y++)
      lines.push(`${a === 0 ? 'Thurrock' : `Authority ${a}`},ind-${i},${2009 + y}-${String(10 + y).padStart(2, '0')},${(50 + ((a * 7 + i * 3 + y) % 40)).toFixed(1)},${(48 + ((i + y) % 20)).toFixed(1)},${(45 + (y % 10)).toFixed(1)},DfE LAIT`);
const content = lines.join('\n');
const dir = mkdtempSync(join(tmpdir(), 'ragtrail-indicators-bench-'));
const file = join(dir, 'benchmarking.csv');
writeFileSync(file, content);
const rows = lines.length - 1;
process.stderr.write(`  ${rows} rows, ${(content.length / 1024 / 1024).toFixed(1)} MB\n`);

const rt = createRagtrail({ store: createMemoryStore() });

// csv-parse and the import take turns, five times, and the fastest of each counts: on a busy
// machine, turns keep both measured under the same load.
const timed = async (run: () => unknown): Promise<number> => {
  const t = performance.now();
  await run();
  return (performance.now() - t) / 1000;
};
let parseSeconds = Infinity;
let importSeconds = Infinity;
for (let k = 1; k <= 5; k++) {
  // The baseline reads the same file from disk, as the import does.
  parseSeconds = Math.min(parseSeconds, await timed(() => parse(readFileSync(file, 'utf8'), { relax_column_count: true, relax_quotes: true })));
  // Each import goes into a fresh plan, so it records its values rather than finding them there;
  // only the import is timed, not setting the plan up.
  const planId = `plan-${k}`;
  await seedPlan(rt, planId);
  for (let i = 0; i < INDICATORS; i++)
    await rt.executeOutcome(planId, 'DefineIndicator', { indicatorId: `ind-${i}`, name: `Indicator ${i}`, better: i % 2 === 0 ? 'higher' : 'lower', source: 'DfE LAIT' }, { actor: admin });
  let recorded = 0;
  importSeconds = Math.min(importSeconds, await timed(async () => {
    recorded = (await importIndicators(rt, { planId, fileName: file, content: readFileSync(file), authority: 'Thurrock' }, { actor: officer })).recorded;
  }));
  if (recorded !== INDICATORS * YEARS) throw new Error(`expected ${INDICATORS * YEARS} values, recorded ${recorded}`);
}
rmSync(dir, { recursive: true, force: true });
const round = (x: number) => Math.round(x * 1000) / 1000;
const rate = rows / importSeconds;
const parseRate = rows / parseSeconds;
console.log(JSON.stringify({ name: `import-indicators (${rows} rows)`, value: round(rate), unit: 'rows/s', baseline: 'csv-parse of the same file', baselineValue: round(parseRate), ratio: round(rate / parseRate) }));
