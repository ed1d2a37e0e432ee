import { describe, expect, it } from 'vitest';
import { createRagtrail } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { renderEvidencePack } from '../src/index.js';
import { as, boardFixture } from './fixture.js';

async function corrected() {
  const f = await boardFixture();
  f.clock.set('2026-04-02T09:00:00.000Z');
  await f.rt.execute(f.planId, 'CorrectEntry', { action: 'a3', period: '2026-03', score: 2 }, as(actors.reviewer, 'Recount of decisions'));
  return f;
}

describe('evidence pack', () => {
  it('lists trajectories, dated evidence, corrections after sign-off with reasons, disagreements and the verify result', async () => {
    const { rt, planId } = await corrected();
    const md = String((await renderEvidencePack(rt, { planId, period: '2026-03', format: 'md' })).body);
    expect(md).toContain('| 2026-02 | 3 Green | recorded | 0 |');
    expect(md).toContain('- 2026-03-20: Board minutes March (document, https://example.org/minutes-march.pdf)');
    expect(md).toMatch(/2026-03, 2026-04-02T09:00:00.000Z by Rory Patterson: score 1 to 2; reason: Recount of decisions/);
    expect(md).toContain('- 2026-03: stated Improving, but the score went from 3 to 2 (Declining)');
    expect(md).toMatch(/Verified: all \d+ events of the plan's log/);
    await expect(md).toMatchFileSnapshot('__snapshots__/evidence.md');
  });
  it('html draws each trajectory as an inline, labelled SVG chart', async () => {
    const { rt, planId } = await corrected();
    const html = String((await renderEvidencePack(rt, { planId, period: '2026-03', format: 'html' })).body);
    expect(html).toContain('<svg role="img" aria-label="Score trajectory of 1.1: 2026-02: 3 Green; 2026-03: 4 Blue"');
    expect(html).not.toMatch(/<(link|script|img)\b/);
    await expect(html).toMatchFileSnapshot('__snapshots__/evidence.html');
  });
  it('reports a tampered log as not verified', async () => {
    const { planId, store } = await corrected();
    // A store that hands back one event edited after it was sealed, as an edit on disk would.
    const tampered: typeof store = {
      ...store,
      readStream: async (stream, options) =>
        (await store.readStream(stream, options)).map((e) => (e.revision === 3 ? { ...e, data: { ...(e.data as object), title: 'Edited afterwards' } } : e)),
    };
    const md = String((await renderEvidencePack(createRagtrail({ store: tampered }), { planId, period: '2026-03', format: 'md' })).body);
    expect(md).toMatch(/NOT verified: .* revision 3 /);
  });
  it('as of the sign-off moment ignores the later correction, byte for byte', async () => {
    const f = await boardFixture();
    const before = await renderEvidencePack(f.rt, { planId: f.planId, period: '2026-03', format: 'html' });
    f.clock.set('2026-04-02T09:00:00.000Z');
    await f.rt.execute(f.planId, 'CorrectEntry', { action: 'a3', period: '2026-03', score: 2 }, as(actors.reviewer, 'Recount of decisions'));
    const later = await renderEvidencePack(f.rt, { planId: f.planId, period: '2026-03', format: 'html' });
    expect(later.body).not.toEqual(before.body);
    const again = await renderEvidencePack(f.rt, { planId: f.planId, period: '2026-03', asOf: '2026-03-27T10:00:00.000Z', format: 'html' });
    expect(again.body).toEqual(before.body);
  });
});
