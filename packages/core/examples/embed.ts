// Embedding ragtrail in a council system: record a month and read the board's summary.
// Run: npx tsx packages/core/examples/embed.ts
import { createMemoryStore, createRagtrail, formatFigure } from '@ragtrail/core';

const rt = createRagtrail({ store: createMemoryStore() });
const admin = { id: 'u-1', name: 'Plan Administrator', role: 'admin' } as const;
const officer = { id: 'u-2', name: 'Iqbal Vaza', role: 'officer' } as const;
const reviewer = { id: 'u-3', name: 'Rory Patterson', role: 'reviewer' } as const;

const { planId } = await rt.createPlan(
  { title: "Children's Social Care Development Plan 2017-19", organisation: 'Thurrock Council', scheme: 'development-plan-5' },
  { actor: admin },
);
await rt.execute(planId, 'AddPriority', { number: 1, title: 'Recruiting, retaining and developing a skilled workforce' }, { actor: admin });
await rt.execute(planId, 'AddAction', { ref: 'P1.1', priorityId: 'p1', title: 'Reduce reliance on agency social workers', owners: ['Head of Service'] }, { actor: admin });
await rt.execute(planId, 'OpenReview', { period: '2018-01', reviewer: 'Rory Patterson', reviewDate: '2018-01-29' }, { actor: reviewer });
await rt.execute(planId, 'RecordEntry', { action: 'P1.1', period: '2018-01', score: 2, update: 'Agency staff down from 60 to 39' }, { actor: officer });

const summary = await rt.summary(planId, { period: '2018-01' });
for (const p of summary.priorities) console.log(`${p.number}. ${p.title}: ${formatFigure(p.current.mean)} (worst ${p.current.worst})`);
console.log(`Overall: ${formatFigure(summary.overall.current)}; chain verified: ${(await rt.verify()).ok}`);
