// import-tracker: rows per second importing a long recommendation tracker (the demo's 16 rows
// repeated to IMPORT_ROWS, default 100,000) into a new SQLite store, all or nothing, against
// csv-parse reading the same file in the same run; import-tracker-peak-rss: the peak resident
// memory of a process that does nothing but that import (aim: under 600 MB). The import runs in a
// child process (import-tracker-child.ts) so its memory is its own. Prints one JSON line per
// result; never asserts.
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

// The baseline reads the same file from disk, as the import does.
let t = performance.now();
parse(readFileSync(file, 'utf8'), { delimiter: '\t', relax_column_count: true, relax_quotes: true });
const parseRate = ROWS / ((performance.now() - t) / 1000);

const child = spawnSync(process.execPath, ['--conditions=@ragtrail/source', '--import', 'tsx', join(import.meta.dirname, 'import-tracker-child.ts'), file, `sqlite:${join(dir, 'bench.db')}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
rmSync(dir, { recursive: true, force: true });
if (child.status !== 0) throw new Error(`the import child failed (exit ${child.status ?? child.signal})`);
const { seconds, events, maxRssMb } = JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; events: number; maxRssMb: number };
process.stderr.write(`  imported ${ROWS} rows (${events} events) in ${seconds.toFixed(2)} s, peak RSS ${maxRssMb.toFixed(0)} MB\n`);
const rate = ROWS / seconds;
const round = (n: number) => Math.round(n * 1000) / 1000;
console.log(JSON.stringify({ name: `import-tracker (${ROWS} rows)`, value: round(rate), unit: 'rows/s', baseline: 'csv-parse of the same file', baselineValue: round(parseRate), ratio: round(rate / parseRate) }));
// For memory the baseline is the aim: ratio > 1 means under it.
console.log(JSON.stringify({ name: `import-tracker-peak-rss (${ROWS} rows)`, value: round(maxRssMb), unit: 'MB', baseline: 'aim', baselineValue: RSS_AIM_MB, ratio: round(RSS_AIM_MB / maxRssMb) }));
