// What a browser is told about every answer (CSP, nosniff, frame denial), and the sign-in's
// defences: same-origin form posts only, `next` a path on this site, Secure cookies over HTTPS,
// and a 413 that closes its connection.
import { serve } from '@hono/node-server';
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { planFixture } from './fixture.js';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const sameSite = { origin: 'http://localhost' };
const signIn = (token: string, next: string, headers: Record<string, string> = sameSite) => ({ method: 'POST', headers, body: new URLSearchParams({ token, next }) });

describe('security headers', () => {
  it('a page, an API answer, an error and an HTML report each carry a strict CSP, nosniff and frame denial', async () => {
    const { app, tokens } = await planFixture();
    const cookie = { cookie: `ragtrail_token=${tokens.viewer}` };
    const answers = [
      await app.request('/plans/p1', { headers: cookie }), await app.request('/login'),
      await app.request('/api/plans', { headers: { authorization: `Bearer ${tokens.viewer}` } }), await app.request('/api/nope'), await app.request('/health'),
      await app.request('/plans/p1/reports/board?format=html&period=2026-02', { headers: cookie }),
    ];
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('pages hold no inline script or style: their stylesheet and script are served files', async () => {
    const { app, tokens } = await planFixture();
    for (const path of ['/plans/p1', '/plans/p1/actions/a1', '/', '/login']) {
      const html = await (await app.request(path, { headers: { cookie: `ragtrail_token=${tokens.viewer}` } })).text();
      expect(html, path).not.toMatch(/<style|\sstyle=|<script(?![^>]*\ssrc=)/);
      const stylesheet = /<link rel="stylesheet" href="(\/assets\/[^"]+)"/.exec(html)?.[1];
      const css = await app.request(stylesheet!);
      expect(css.headers.get('content-type'), path).toContain('text/css');
      expect(css.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    expect(await (await app.request('/assets/live.js')).text()).toContain('EventSource(n.dataset.src)');
  });

  it("an HTML report's stylesheet and swatches are allowed by hash, byte for byte", async () => {
    const { app, tokens } = await planFixture();
    const res = await app.request('/api/plans/p1/reports/board?format=html&period=2026-02', { headers: { authorization: `Bearer ${tokens.viewer}` } });
    const html = await res.text();
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain(hashOf(/<style>([\s\S]*?)<\/style>/.exec(html)![1]!));
    const attributes = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1]!);
    expect(attributes.length).toBeGreaterThan(0);
    for (const a of attributes) expect(csp).toContain(hashOf(a));
    expect(html).not.toMatch(/<script/);
  });
});

describe('sign-in and sign-out', () => {
  it('refuse a form posted from another site, or with no sign of where it came from', async () => {
    const { app, tokens } = await planFixture();
    const crossSite: Record<string, string>[] = [{}, { origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site', origin: 'http://localhost' }, { 'sec-fetch-site': 'same-site' }];
    for (const headers of crossSite) {
      const login = await app.request('/login', signIn(tokens.viewer!, '/', headers));
      expect(login.status, JSON.stringify(headers)).toBe(403);
      expect(login.headers.get('set-cookie')).toBeNull();
      expect((await app.request('/logout', { method: 'POST', headers })).status).toBe(403);
    }
    expect((await app.request('/login', signIn(tokens.viewer!, '/', { 'sec-fetch-site': 'same-origin' }))).status).toBe(303);
    expect((await app.request('/logout', { method: 'POST', headers: sameSite })).status).toBe(303);
  });

  it('go back only to a path on this site', async () => {
    const { app, tokens } = await planFixture();
    for (const next of ['/\\evil.example', '//evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example/', 'javascript:alert(1)', 'evil.example', '/ok\u0000']) {
      expect((await app.request('/login', signIn(tokens.viewer!, next))).headers.get('location'), JSON.stringify(next)).toBe('/');
      expect((await app.request('/login', signIn('wrong', next))).headers.get('location')).toBe('/login?failed=1&next=%2F');
    }
    expect((await app.request('/login', signIn(tokens.viewer!, '/plans/p1?period=2026-02'))).headers.get('location')).toBe('/plans/p1?period=2026-02');
    const form = await (await app.request('/login?next=/%5Cevil.example')).text();
    expect(form).toContain('name="next" value="/"');
    expect(form).not.toContain('evil.example');
  });

  it('read at most a small form: a same-origin sign-in with a huge body is refused 413 before the rest is read', async () => {
    const { app, tokens } = await planFixture();
    // Anyone can claim Sec-Fetch-Site: same-origin outside a browser, so the form's size is what bounds the read.
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        if (pulled > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(new TextEncoder().encode(`token=${tokens.viewer}&next=/`.padEnd(64 * 1024, 'x')));
      },
    }, { highWaterMark: 0 });
    const res = await app.request('/login', { method: 'POST', headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(pulled).toBeLessThan(1024 * 1024);
    const declared = await app.request('/login', { method: 'POST', headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded', 'content-length': '50000000' }, body: 'token=x' });
    expect(declared.status).toBe(413);
  });

  it('mark the cookie Secure over HTTPS, and behind a proxy only when told to trust it', async () => {
    const { rt, tokens } = await planFixture();
    const cookieOf = async (url: string, trustProxy: boolean, headers: Record<string, string>) =>
      (await createApp({ ragtrail: rt, trustProxy }).request(url, signIn(tokens.viewer!, '/', headers))).headers.get('set-cookie') ?? '';
    expect(await cookieOf('https://ragtrail.example/login', false, { origin: 'https://ragtrail.example' })).toMatch(/;\s*Secure/i);
    expect(await cookieOf('http://localhost/login', false, sameSite)).not.toMatch(/Secure/i);
    const proxied = { origin: 'https://ragtrail.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'ragtrail.example' };
    expect(await cookieOf('http://localhost/login', true, proxied)).toMatch(/;\s*Secure/i);
    // Not trusted: the forwarded headers are ignored, so the Origin is another site's.
    expect((await createApp({ ragtrail: rt }).request('http://localhost/login', signIn(tokens.viewer!, '/', proxied))).status).toBe(403);
  });
});

it('a 413 says Connection: close and closes the socket, over a real port', async () => {
  const { rt, tokens } = await planFixture();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => { const s = serve({ fetch: createApp({ ragtrail: rt, bodyLimitBytes: 1000 }).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
  try {
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (d) => { text += d.toString(); });
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(`POST /api/plans HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tokens.admin}\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\nConnection: keep-alive\r\n\r\n{"a":`);
    await closed;
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text.toLowerCase()).toContain('connection: close');
    expect(text).toContain('"rule":"max-size"');
  } finally {
    server.close();
  }
});
