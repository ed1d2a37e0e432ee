// The coverage section of the dashboards: on the inspection plan's and on the later plan's that
// carries its recommendations, each recommendation with the actions carrying it (linked), their
// latest score and direction, open or closed, and the recommendations nothing carries as exceptions.
import { actors } from '@ragtrail/core/testing';
import { describe, expect, it } from 'vitest';
import { planFixture } from './fixture.js';

const admin = { actor: actors.admin };
const readable = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

/** The fixture's plan p1 carries recommendation "Ofsted 1" of an inspection tracker; "Ofsted 2" nothing carries. */
async function carried() {
  const fixture = await planFixture();
  const { rt } = fixture;
  await rt.createPlan({ planId: 'trk', title: 'Ofsted tracker', organisation: 'Council', scheme: 'development-plan-5' }, admin);
  await rt.execute('trk', 'AddAction', { actionId: 'o1', ref: 'Ofsted 1', title: 'Strengthen management oversight' }, admin);
  await rt.execute('trk', 'AddAction', { actionId: 'o2', ref: 'Ofsted 2', title: 'Improve return interviews' }, admin);
  await rt.executeOutcome('p1', 'LinkCarryOver', { action: 'a1', fromPlan: 'trk', fromReference: 'Ofsted 1' }, admin);
  const get = async (path: string) => (await fixture.app.request(path, { headers: { cookie: `ragtrail_token=${fixture.tokens.viewer}` } })).text();
  return { ...fixture, get };
}

const sectionOf = (html: string) => html.slice(html.indexOf('id="coverage-heading"'), html.indexOf('id="actions-heading"'));

describe('coverage on the dashboards', () => {
  it("given a later plan carrying a recommendation, when a viewer opens the tracker's dashboard, then each recommendation shows its carriers or its exception", async () => {
    const { get } = await carried();
    const html = await get('/plans/trk');
    const section = sectionOf(html);
    expect(section).not.toBe('');
    // The carrying action, linked to its page in the later plan, with its latest score and direction.
    expect(section).toContain('href="/plans/p1/actions/a1"');
    const text = readable(section);
    expect(text).toMatch(/trk Ofsted 1 Strengthen management oversight p1 1\.1 Board oversight 3 \S+ \(2026-02\) ↑ Improving Open/);
    expect(text).toMatch(/trk Ofsted 2 Improve return interviews Carried by no action Open: exception/);
    expect(text).toContain('Recommendations nothing assures are acted on (1)');
    expect(text).toContain('trk Ofsted 2 : Ofsted 2 "Improve return interviews" is carried by no action in a later plan');
  });

  it("given the same link, when a viewer opens the later plan's dashboard, then it shows the tracker's recommendations it carries", async () => {
    const { get } = await carried();
    const text = readable(sectionOf(await get('/plans/p1?period=2026-02')));
    expect(text).toContain('Coverage of recommendations');
    expect(text).toMatch(/trk Ofsted 1 .* p1 1\.1 Board oversight/);
  });

  it('keeps the moment shown: as known at a moment, the links open the carrying action at that moment', async () => {
    const { get } = await carried();
    const section = sectionOf(await get('/plans/trk?asOf=2026-03-10T10:00:00.000Z'));
    expect(section).toContain('href="/plans/p1/actions/a1?asOf=2026-03-10T10%3A00%3A00.000Z"');
  });

  it('a plan that neither carries nor is carried shows no coverage section', async () => {
    const { app, tokens } = await planFixture();
    const html = await (await app.request('/plans/p1?period=2026-02', { headers: { cookie: `ragtrail_token=${tokens.viewer}` } })).text();
    expect(html).not.toContain('id="coverage-heading"');
  });
});
