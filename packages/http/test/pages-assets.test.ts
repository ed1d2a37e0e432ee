// The pages' stylesheet: the committed CSS is what the Sass compiles to today, it keeps GOV.UK's
// reserved font out, and the app serves it (and the API reference's overrides) with the right
// type and caching. In process (app.request).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePagesCss, stylesheetOutput } from '../scripts/build-css.js';
import { planFixture } from './fixture.js';

describe('the pages stylesheet', () => {
  it('is committed as the Sass compiles it (run npx tsx packages/http/scripts/build-css.ts after changing assets/ragtrail.scss)', () => {
    expect(readFileSync(stylesheetOutput, 'utf8')).toBe(compilePagesCss());
  }, 60_000);

  it('uses a system font stack and declares no font face, so no GDS Transport', () => {
    const css = readFileSync(stylesheetOutput, 'utf8');
    expect(css).not.toMatch(/@font-face|GDS Transport|\.woff2?/);
    expect(css).toMatch(/font-family:system-ui/);
    expect(css).toContain('.govuk-table');
    expect(css).toContain('.app-width-container--wide{max-width:none}');
  });

  it('is served by the link every page carries: immutable at that address, revalidated anywhere else', async () => {
    const { app, tokens } = await planFixture();
    const pages = ['/login', '/', '/plans/p1', '/plans/p1/actions/a1', '/accessibility', '/plans/nope'];
    const hrefs = new Set<string>();
    for (const path of pages) {
      const html = await (await app.request(path, { headers: { cookie: `ragtrail_token=${tokens.viewer}` } })).text();
      const href = /<link rel="stylesheet" href="(\/assets\/ragtrail\.css\?v=[0-9a-f]{16})"/.exec(html)?.[1];
      expect(href, path).toBeDefined();
      hrefs.add(href!);
    }
    expect(hrefs.size).toBe(1);
    const [href] = [...hrefs];
    const linked = await app.request(href!);
    expect(linked.status).toBe(200);
    expect(linked.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(linked.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await linked.text()).toBe(readFileSync(stylesheetOutput, 'utf8'));

    const stale = await app.request('/assets/ragtrail.css?v=0000000000000000');
    expect(stale.headers.get('cache-control')).toBe('no-cache');
    const again = await app.request('/assets/ragtrail.css', { headers: { 'if-none-match': stale.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await app.request('/assets/../package.json')).status).toBe(404);
    expect((await app.request('/assets/ragtrail.scss')).status).toBe(404);
  });

  it('the API reference links its colour overrides after swagger-ui.css', async () => {
    const { app } = await planFixture();
    const html = await (await app.request('/api/docs')).text();
    const href = /<link rel="stylesheet" href="(\/assets\/api-reference\.css\?v=[0-9a-f]{16})"/.exec(html)?.[1];
    expect(html.indexOf('swagger-ui.css')).toBeLessThan(html.indexOf('api-reference.css'));
    const css = await app.request(href!);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.opblock-summary-method');
  });
});

describe('the period and "as known at" form', () => {
  const viewer = async () => {
    const { app, tokens } = await planFixture();
    return (query: string) => app.request(`/plans/p1?${query}`, { headers: { cookie: `ragtrail_token=${tokens.viewer}` } });
  };

  it('given a real month and date, redirects to the canonical ?period=&asOf= address', async () => {
    const get = await viewer();
    const res = await get('period-month=2&period-year=2026&asOf-day=10&asOf-month=3&asOf-year=2026');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/plans/p1?period=2026-02&asOf=2026-03-10');
    const now = await get('period-month=1&period-year=2026&asOf-day=&asOf-month=&asOf-year=');
    expect(now.headers.get('location')).toBe('/plans/p1?period=2026-01');
  });

  it('given a date that is not real, answers 400 with an error summary linking to the field and the typed values kept', async () => {
    const get = await viewer();
    const res = await get('period-month=13&period-year=2026&asOf-day=31&asOf-month=2&asOf-year=2026');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<title>Error: /);
    expect(html).toContain('<a href="#period-month">The period’s month must be a number from 1 to 12</a>');
    expect(html).toContain('<a href="#asOf-day">The as known at date must be a real date, for example 10 5 2017</a>');
    expect(html).toMatch(/id="asOf-day" name="asOf-day" type="text" inputmode="numeric" value="31"/);
  });

  it('given a partial date, names each missing part', async () => {
    const html = await (await (await viewer())('asOf-day=3&asOf-month=&asOf-year=')).text();
    expect(html).toContain('The as known at date must include a month');
    expect(html).toContain('The as known at date must include a year');
  });
});
