// replay-summary and asof-summary on a generated log of BENCH_EVENTS events (default 1,000,000).
import Database from 'better-sqlite3';
import { createRagtrail, evolve, initialPlanState, ragSummary, replayPlans, toRecorded } from '@ragtrail/core';
import { createSqliteStore } from '../src/index.js';
import { MONTHS, generateLog, periodAt } from './plan-log.js';
import { progress, report, tempDb } from './report.js';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const path = tempDb('log.db');
const store = createSqliteStore({ path });
let t = performance.now();
const { plans } = await generateLog(store, TOTAL);
progress(`log written in ${((performance.now() - t) / 1000).toFixed(1)} s`);

// Baseline: read every row and parse its JSON, nothing else.
const raw = new Database(path, { readonly: true });
t = performance.now();
let rows = 0;
for (const row of raw.prepare<[], { data: string; actor: string }>('SELECT * FROM events ORDER BY position').iterate()) {
  JSON.parse(row.data);
  JSON.parse(row.actor);
  rows++;
}
const rawRate = rows / ((performance.now() - t) / 1000);
raw.close();

// The projection: core's full-rebuild path (one pass over the global order, each plan folded into a
// plain object and frozen once), then the RAG summary of every plan's latest period.
t = performance.now();
let events = 0;
const states = await replayPlans(store, { onProgress: (seen) => (events = seen) });
const latest = periodAt(MONTHS - 1);
for (const state of states.values()) ragSummary(state, latest);
const replayRate = events / ((performance.now() - t) / 1000);
report('replay-summary', replayRate, 'events/s', 'raw SELECT + JSON.parse of the same rows', rawRate);

// As-of: a plan's summary for a past month as known part-way through its history.
const rt = createRagtrail({ store });
const planId = plans[Math.floor(plans.length / 2)]!;
const all = await store.readStream(`plan-${planId}`);
const asOf = all[Math.floor(all.length * 0.6)]!.recordedAt;
const period = periodAt(Math.floor(MONTHS * 0.5));
t = performance.now();
await rt.summary(planId, { period, asOf });
const cold = performance.now() - t;
const N = 50;
t = performance.now();
for (let i = 0; i < N; i++) await rt.summary(planId, { period, asOf });
const warm = (performance.now() - t) / N;
// Baseline: the same answer by a full fold of the plan's stream each time.
t = performance.now();
for (let i = 0; i < N; i++) {
  let s = initialPlanState();
  for (const e of await store.readStream(`plan-${planId}`)) if (e.recordedAt <= asOf) s = evolve(s, toRecorded(e));
  ragSummary(s, period);
}
const full = (performance.now() - t) / N;
report('asof-summary', warm, 'ms', 'full replay of the plan stream per question', full, false);
report('asof-summary-cold', cold, 'ms', 'full replay of the plan stream per question', full, false);
await rt.close();
await store.close();
