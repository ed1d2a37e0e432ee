// Embedding ragtrail in a council system: a month recorded, signed off, corrected later, and the
// board's summary as it stood before the correction. Run: npx tsx packages/core/examples/embed.ts
import { createMemoryStore, createRagtrail, DomainError, formatFigure, replayPlans } from '@ragtrail/core';

let clock = Date.parse('2018-01-29T09:00:00Z');
const store = createMemoryStore(); // or: await openStore('sqlite:./data/ragtrail.db') from @ragtrail/stores
const rt = createRagtrail({ store, now: () => new Date((clock += 60_000)) });
const admin = { id: 'u-1', name: 'Plan Administrator', role: 'admin' } as const;
const officer = { id: 'u-2', name: 'Iqbal Vaza', role: 'officer' } as const;
const reviewer = { id: 'u-3', name: 'Rory Patterson', role: 'reviewer' } as const;
const board = { id: 'u-4', name: 'Improvement Board Chair', role: 'board' } as const;

const { planId } = await rt.createPlan(
  { title: "Children's Social Care Development Plan 2017-19", organisation: 'Thurrock Council', scheme: 'development-plan-5' },
  { actor: admin },
);
await rt.execute(planId, 'AddPriority', { number: 1, title: 'Recruiting, retaining and developing a skilled workforce' }, { actor: admin });
await rt.execute(planId, 'AddAction', { ref: 'P1.1', priorityId: 'p1', title: 'Reduce reliance on agency social workers', owners: ['Head of Service'] }, { actor: admin });
await rt.execute(planId, 'OpenReview', { period: '2018-01', reviewer: 'Rory Patterson', reviewDate: '2018-01-29' }, { actor: reviewer });
await rt.execute(planId, 'RecordEntry', { action: 'P1.1', period: '2018-01', score: 2, update: 'Agency staff down from 60 to 39' }, { actor: officer });
await rt.execute(planId, 'SignOffReview', { period: '2018-01' }, { actor: board });
const signedOffAt = new Date(clock).toISOString();

// Every front end gets the same refusals: a field, a rule and a sentence.
try {
  await rt.execute(planId, 'RecordEntry', { action: 'P1.1', period: '2018-01', score: 3 }, { actor: officer });
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  console.log(`refused (${error.code}, ${error.field}, ${error.rule}): ${error.message}`);
}

// After sign-off an entry changes only by a correction with a reason; the original stays in history.
clock += 86_400_000;
await rt.execute(planId, 'CorrectEntry', { action: 'P1.1', period: '2018-01', score: 3 }, { actor: reviewer, reason: 'Score keyed in error' });

const now = await rt.summary(planId, { period: '2018-01' });
for (const p of now.priorities) console.log(`${p.number}. ${p.title}: ${formatFigure(p.current.mean)} (worst ${p.current.worst})`);
const then = await rt.summary(planId, { period: '2018-01', asOf: signedOffAt });
console.log(`Overall: ${formatFigure(now.overall.current)} now; ${formatFigure(then.overall.current)} as the board saw it at sign-off`);
const trail = await rt.audit(planId, { action: 'P1.1', type: 'EntryCorrected' });
for (const r of trail.records) console.log(`${r.recordedAt} ${r.actor.name} (${r.actor.role}): ${r.changes.map((c) => `${c.field} ${c.before} -> ${c.after}`).join(', ')}, because "${r.reason}"`);

// A full rebuild of every plan from the log, as a projection rebuild or a new read model would do.
const states = await replayPlans(store);
console.log(`rebuilt ${states.size} plan(s); chain verified: ${(await rt.verify()).ok}`);
await rt.close();
