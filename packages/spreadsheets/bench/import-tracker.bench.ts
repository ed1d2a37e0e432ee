// import-tracker: rows per second importing a long recommendation tracker (the demo's 16 rows
// repeated to IMPORT_ROWS, default 100,000) into a new SQLite store, all or nothing, against
// csv-parse reading the same file in the same run; import-tracker-peak-rss: the peak resident
// memory of a process that does nothing but that import (aim: under 600 MB). The import runs in a
// child process (import-tracker-child.ts) so its memory is its own. import-tracker-write-alone:
// the rate of bare better-sqlite3 writing the events that import wrote, staged and copied as the
// store does but with no checks (packages/store-sqlite/bench/bare-staged-write.ts, in a process of
// its own): the part of the import no change to ragtrail's code can make faster, beside the same
// csv-parse baseline. import-tracker-without-writing: the same import into a store that drops what
// it is handed, so the import's own work (reading, deciding, checking, sealing) beside the same
// baseline. Prints one JSON line per result; never asserts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { demoDir } from '../src/index.js';

const ROWS = Number(process.env.IMPORT_ROWS ?? 100_000);
const RSS_AIM_MB = 600;

const lines = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'), 'utf8').split('\n');
const header = lines.findIndex((l) => l.startsWith('No.\t'));
const rows = lines.slice(header + 1).filter((l) => l.trim() !== '');
const body = Array.from({ length: ROWS }, (_, i) => [String(i + 1), ...rows[i % rows.length]!.split('\t').slice(1)].join('\t'));
const content = [...lines.slice(0, header + 1), ...body].join('\n');
const dir = mkdtempSync(join(tmpdir(), 'ragtrail-import-bench-'));
const file = join(dir, 'long-tracker.tsv');
writeFileSync(file, content);
process.stderr.write(`  ${ROWS} rows, ${(content.length / 1024 / 1024).toFixed(1)} MB\n`);

// The baseline reads the same file from disk, as the import does, once before the import and once
// after it: the faster of the two is the baseline, so a busy moment of a shared machine during one
// short csv-parse run cannot flatter the import's ratio.
const parseSeconds = () => {
  const t = performance.now();
  parse(readFileSync(file, 'utf8'), { delimiter: '\t', relax_column_count: true, relax_quotes: true });
  return (performance.now() - t) / 1000;
};
const parseBefore = parseSeconds();

const child = spawnSync(process.execPath, ['--conditions=@ragtrail/source', '--import', 'tsx', join(import.meta.dirname, 'import-tracker-child.ts'), file, `sqlite:${join(dir, 'bench.db')}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (child.status !== 0) throw new Error(`the import child failed (exit ${child.status ?? child.signal})`);
const { seconds, events, maxRssMb } = JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; events: number; maxRssMb: number };
process.stderr.write(`  imported ${ROWS} rows (${events} events) in ${seconds.toFixed(2)} s, peak RSS ${maxRssMb.toFixed(0)} MB\n`);
const unwritten = spawnSync(process.execPath, ['--conditions=@ragtrail/source', '--import', 'tsx', join(import.meta.dirname, 'import-tracker-child.ts'), file, 'discard:'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (unwritten.status !== 0) throw new Error(`the import child without a store failed (exit ${unwritten.status ?? unwritten.signal})`);
const withoutWriting = (JSON.parse(unwritten.stdout.trim().split('\n').pop()!) as { seconds: number }).seconds;
process.stderr.write(`  the same import into a store that writes nothing took ${withoutWriting.toFixed(2)} s\n`);
const parseAfter = parseSeconds();
const parseRate = ROWS / Math.min(parseBefore, parseAfter);
process.stderr.write(`  csv-parse read the file in ${parseBefore.toFixed(2)} s before the import and ${parseAfter.toFixed(2)} s after it\n`);
const bareWriter = join(import.meta.dirname, '..', '..', 'store-sqlite', 'bench', 'bare-staged-write.ts');
const bare = spawnSync(process.execPath, ['--conditions=@ragtrail/source', '--import', 'tsx', bareWriter, join(dir, 'bench.db'), join(dir, 'bare.db')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
rmSync(dir, { recursive: true, force: true });
if (bare.status !== 0) throw new Error(`the bare write failed (exit ${bare.status ?? bare.signal})`);
const { stageSeconds, copySeconds } = JSON.parse(bare.stdout.trim().split('\n').pop()!) as { stageSeconds: number; copySeconds: number };
process.stderr.write(`  bare better-sqlite3 wrote the same ${events} events in ${(stageSeconds + copySeconds).toFixed(2)} s (staging ${stageSeconds.toFixed(2)} s, copy ${copySeconds.toFixed(2)} s)\n`);
const rate = ROWS / seconds;
const round = (n: number) => Math.round(n * 1000) / 1000;
console.log(JSON.stringify({ name: `import-tracker (${ROWS} rows)`, value: round(rate), unit: 'rows/s', baseline: 'csv-parse of the same file', baselineValue: round(parseRate), ratio: round(rate / parseRate) }));
console.log(JSON.stringify({ name: `import-tracker-without-writing (${ROWS} rows)`, value: round(ROWS / withoutWriting), unit: 'rows/s', baseline: 'csv-parse of the same file', baselineValue: round(parseRate), ratio: round(ROWS / withoutWriting / parseRate) }));
const writeRate = ROWS / (stageSeconds + copySeconds);
console.log(JSON.stringify({ name: `import-tracker-write-alone (${ROWS} rows)`, value: round(writeRate), unit: 'rows/s', baseline: 'csv-parse of the same file', baselineValue: round(parseRate), ratio: round(writeRate / parseRate) }));
// For memory the baseline is the aim: ratio > 1 means under it.
console.log(JSON.stringify({ name: `import-tracker-peak-rss (${ROWS} rows)`, value: round(maxRssMb), unit: 'MB', baseline: 'aim', baselineValue: RSS_AIM_MB, ratio: round(RSS_AIM_MB / maxRssMb) }));
