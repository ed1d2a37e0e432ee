// import-tracker: rows per second importing a long recommendation tracker (the demo's 16 rows
// repeated to IMPORT_ROWS, default 2,000) into an in-memory store, all or nothing, against
// csv-parse reading the same file in the same run. Prints one JSON line per result; never asserts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { demoDir, importTracker } from '../src/index.js';

const ROWS = Number(process.env.IMPORT_ROWS ?? 2000);
const admin = { actor: { id: 'bench', name: 'Bench', role: 'admin' as const } };

const lines = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'), 'utf8').split('\n');
const header = lines.findIndex((l) => l.startsWith('No.\t'));
const rows = lines.slice(header + 1).filter((l) => l.trim() !== '');
const body = Array.from({ length: ROWS }, (_, i) => [String(i + 1), ...rows[i % rows.length]!.split('\t').slice(1)].join('\t'));
const content = [...lines.slice(0, header + 1), ...body].join('\n');

let t = performance.now();
parse(content, { delimiter: '\t', relax_column_count: true, relax_quotes: true });
const parseRate = ROWS / ((performance.now() - t) / 1000);

const rt = createRagtrail({ store: createMemoryStore() });
t = performance.now();
const { events } = await importTracker(rt, { fileName: 'long-tracker.tsv', content }, admin);
const seconds = (performance.now() - t) / 1000;
process.stderr.write(`  imported ${ROWS} rows (${events} events) in ${seconds.toFixed(2)} s\n`);
const rate = ROWS / seconds;
const round = (n: number) => Math.round(n * 1000) / 1000;
console.log(JSON.stringify({ name: `import-tracker (${ROWS} rows)`, value: round(rate), unit: 'rows/s', baseline: 'csv-parse of the same file', baselineValue: round(parseRate), ratio: round(rate / parseRate) }));
