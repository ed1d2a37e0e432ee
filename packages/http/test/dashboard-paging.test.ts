// The dashboard of a long plan shows its exceptions, its actions and the coverage of its
// recommendations a page at a time, with GOV.UK pagination, while the RAG figures count every action.
import { createMemoryStore, createRagtrail, runBatch } from '@ragtrail/core';
import { admin, officer, reviewer, steppingClock } from '@ragtrail/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { ROWS_PER_PAGE } from '../src/pages/pagination.js';

const decode = (html: string) => html.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
const section = (html: string, id: string) => html.slice(html.indexOf(`aria-labelledby="${id}"`), html.indexOf('</section>', html.indexOf(`aria-labelledby="${id}"`)));
const actionRefs = (html: string) => [...section(html, 'actions-heading').matchAll(/href="\/plans\/long\/actions\/[^"]+">(B\d+)</g)].map((m) => m[1]!);
const link = (html: string, id: string, rel: 'next' | 'prev') => {
  const m = new RegExp(`href="([^"]+)" rel="${rel}"`).exec(section(html, id));
  return m ? decode(m[1]!) : null;
};

/**
 * 450 actions, 250 under the first priority and 200 under the second; May is open and only three
 * actions have an entry: B0 (3), B420 (1, the worst, on the last page) and B449 (3). The other 447
 * are not updated: that many exceptions.
 */
async function longPlan() {
  const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock() });
  await rt.createPlan({ planId: 'long', title: 'A long plan', organisation: 'Council' }, { actor: admin });
  const actions = Array.from({ length: 450 }, (_, i) => ({ type: 'AddAction', data: { ref: `B${i}`, priorityId: i < 250 ? 'p1' : 'p2', title: `Action ${i}` } }));
  await runBatch(rt, 'long', { commands: [
    { type: 'AddPriority', data: { number: 1, title: 'Workforce' } }, { type: 'AddPriority', data: { number: 2, title: 'Early help' } }, ...actions,
  ] }, { actor: admin });
  await rt.execute('long', 'OpenReview', { period: '2017-05', reviewer: 'Rory Patterson', reviewDate: '2017-05-30' }, { actor: reviewer });
  for (const [action, score] of [['B0', 3], ['B420', 1], ['B449', 3]] as const)
    await rt.execute('long', 'RecordEntry', { action, period: '2017-05', score, update: `Update of ${action}` }, { actor: officer });
  const { token } = await rt.issueToken({ name: 'Inspector', role: 'viewer' }, { actor: admin });
  const app = createApp({ ragtrail: rt });
  const page = async (path: string) => {
    const res = await app.request(path, { headers: { cookie: `ragtrail_token=${token}` } });
    return { status: res.status, html: await res.text() };
  };
  return { rt, page };
}

describe('the dashboard of a plan with more actions than a page', () => {
  it('given 450 actions, then the first page lists 200 of them, says which, and links only onwards', async () => {
    const { page } = await longPlan();
    const { status, html } = await page('/plans/long');
    expect(status).toBe(200);
    expect(ROWS_PER_PAGE).toBe(200);
    expect(actionRefs(html)).toEqual(Array.from({ length: 200 }, (_, i) => `B${i}`));
    expect(section(html, 'actions-heading')).toContain('Showing <b>1</b> to <b>200</b> of <b>450</b> actions');
    expect(section(html, 'actions-heading')).toMatch(/<nav class="govuk-pagination" aria-label="Pages of actions">/);
    expect(section(html, 'actions-heading')).toMatch(/aria-label="Page 1" aria-current="page">1</);
    expect(link(html, 'actions-heading', 'prev')).toBeNull();
    expect(link(html, 'actions-heading', 'next')).toBe('/plans/long?page=2#actions-heading');
  });

  it('when a reader follows next to the end, then every action is listed once, in order, under its priority', async () => {
    const { page } = await longPlan();
    const seen: string[] = [];
    let path: string | null = '/plans/long';
    const htmls: string[] = [];
    while (path !== null) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      seen.push(...actionRefs(html));
      htmls.push(html);
      path = link(html, 'actions-heading', 'next');
    }
    expect(seen).toEqual(Array.from({ length: 450 }, (_, i) => `B${i}`));
    expect(htmls).toHaveLength(3);
    // Page 2 holds B200-B399: the first priority continues from page 1, the second begins.
    expect(section(htmls[1]!, 'actions-heading')).toContain('Showing <b>201</b> to <b>400</b> of <b>450</b> actions');
    expect(section(htmls[1]!, 'actions-heading')).toMatch(/Priority 1[^<]*Workforce \(continued\)<\/caption>/);
    expect(section(htmls[1]!, 'actions-heading')).not.toMatch(/Early help \(continued\)/);
    expect(link(htmls[1]!, 'actions-heading', 'prev')).toBe('/plans/long#actions-heading');
    expect(link(htmls[2]!, 'actions-heading', 'prev')).toBe('/plans/long?page=2#actions-heading');
    expect(section(htmls[2]!, 'actions-heading')).toContain('Showing <b>401</b> to <b>450</b> of <b>450</b> actions');
  });

  it('keeps the RAG figures over every action on every page: the worst score and the count come from the last page', async () => {
    const { page } = await longPlan();
    const first = section((await page('/plans/long')).html, 'summary-heading');
    const last = section((await page('/plans/long?page=3')).html, 'summary-heading');
    expect(first).toBe(last);
    // B420 (score 1) is on page 3 only, yet the second priority's worst score is its 1; every action is counted.
    expect(first).toMatch(/Early help<\/th>(?:<td[^>]*>.*?<\/td>){2}<td class="govuk-table__cell"><span><strong[^>]*>1 Red</);
    for (const count of ['0 of 250', '0 of 200', '0 of 450']) expect(first).toContain(count);
  });

  it('pages the exceptions apart from the actions, each link keeping the other list\'s page, the period and the moment', async () => {
    const { rt, page } = await longPlan();
    const asOf = (await rt.history('long')).at(-1)!.recordedAt;
    const { html } = await page(`/plans/long?period=2017-05&asOf=${encodeURIComponent(asOf)}&page=2`);
    const exceptions = section(html, 'exceptions-heading');
    expect(exceptions).toContain('Exceptions (448)');
    expect(exceptions).toContain('Showing <b>1</b> to <b>200</b> of <b>448</b> exceptions');
    expect((exceptions.match(/<li><strong class="govuk-tag/g) ?? []).length).toBe(200);
    const next = link(html, 'exceptions-heading', 'next')!;
    expect(next).toBe(`/plans/long?period=2017-05&asOf=${encodeURIComponent(asOf)}&exceptionsPage=2&page=2#exceptions-heading`);
    const second = (await page(next)).html;
    expect(section(second, 'exceptions-heading')).toContain('Showing <b>201</b> to <b>400</b> of <b>448</b> exceptions');
    expect(actionRefs(second)).toEqual(actionRefs(html));
    expect(link(second, 'actions-heading', 'next')).toBe(`/plans/long?period=2017-05&asOf=${encodeURIComponent(asOf)}&exceptionsPage=2&page=3#actions-heading`);
  });

  it('answers a page number that is not one with 400, and a page past the last with 404, naming how many there are', async () => {
    const { page } = await longPlan();
    for (const [bad, rule] of [['page=0', 'must be 1 or more'], ['page=abc', 'must be a whole number'], ['page=1.5', 'must be a whole number'], ['exceptionsPage=-1', 'must be 1 or more']] as const) {
      const { status, html } = await page(`/plans/long?${bad}`);
      expect(status, bad).toBe(400);
      expect(decode(html), bad).toContain(`query.${bad.split('=')[0]}: ${rule}`);
    }
    const past = await page('/plans/long?page=4');
    expect(past.status).toBe(404);
    expect(decode(past.html)).toContain('No page 4 of actions: the 450 actions fill 3 pages');
  });

  it("pages a tracker's coverage table and the recommendations nothing assures, each on its own", async () => {
    const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock() });
    await rt.createPlan({ planId: 'trk', title: 'Ofsted tracker', organisation: 'Council' }, { actor: admin });
    await runBatch(rt, 'trk', { commands: Array.from({ length: 250 }, (_, i) => ({ type: 'AddAction', data: { ref: `Ofsted ${i + 1}`, title: `Recommendation ${i + 1}` } })) }, { actor: admin });
    await rt.createPlan({ planId: 'later', title: 'Later plan', organisation: 'Council' }, { actor: admin });
    await rt.execute('later', 'AddAction', { actionId: 'l1', ref: 'L1', title: 'Carries Ofsted 1' }, { actor: admin });
    await rt.executeOutcome('later', 'LinkCarryOver', { action: 'l1', fromPlan: 'trk', fromReference: 'Ofsted 1' }, { actor: admin });
    const { token } = await rt.issueToken({ name: 'Inspector', role: 'viewer' }, { actor: admin });
    const app = createApp({ ragtrail: rt });
    const html = async (path: string) => (await app.request(path, { headers: { cookie: `ragtrail_token=${token}` } })).text();
    const first = await html('/plans/trk');
    const coverage = first.slice(first.indexOf('id="coverage-heading"'), first.indexOf('id="unassured-heading"'));
    expect(coverage).toContain('Showing <b>1</b> to <b>200</b> of <b>250</b> recommendations');
    expect((coverage.match(/<th scope="row"/g) ?? []).length).toBe(200);
    const unassured = section(first, 'coverage-heading').slice(section(first, 'coverage-heading').indexOf('id="unassured-heading"'));
    expect(unassured).toContain('Recommendations nothing assures are acted on (249)');
    expect(unassured).toContain('Showing <b>1</b> to <b>200</b> of <b>249</b> recommendations nothing assures');
    expect(link(first, 'coverage-heading', 'next')).toBe('/plans/trk?coveragePage=2#coverage-heading');
    const second = await html('/plans/trk?coveragePage=2&unassuredPage=2');
    expect(section(second, 'coverage-heading')).toContain('Showing <b>201</b> to <b>250</b> of <b>250</b> recommendations');
    expect(section(second, 'coverage-heading')).toContain('Showing <b>201</b> to <b>249</b> of <b>249</b> recommendations nothing assures');
    expect(section(second, 'coverage-heading')).toContain('>trk Ofsted 250</a>');
    expect(section(second, 'coverage-heading')).not.toContain('>trk Ofsted 2</a>');
  });

  it('shows no pagination when one page holds every action', async () => {
    const html = await smallPlanDashboard();
    expect(html).toContain('>S3</a>');
    expect(html).not.toContain('govuk-pagination');
    expect(html).not.toContain('Showing <b>');
  });
});

/** The dashboard of a plan of three actions. */
async function smallPlanDashboard(): Promise<string> {
  const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock() });
  await rt.createPlan({ planId: 'small', title: 'A small plan', organisation: 'Council' }, { actor: admin });
  await rt.execute('small', 'AddPriority', { number: 1, title: 'Workforce' }, { actor: admin });
  for (const ref of ['S1', 'S2', 'S3']) await rt.execute('small', 'AddAction', { ref, priorityId: 'p1', title: ref }, { actor: admin });
  const { token } = await rt.issueToken({ name: 'Inspector', role: 'viewer' }, { actor: admin });
  return (await createApp({ ragtrail: rt }).request('/plans/small', { headers: { cookie: `ragtrail_token=${token}` } })).text();
}
