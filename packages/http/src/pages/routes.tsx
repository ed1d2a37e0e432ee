/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Ragtrail } from '../env.js';
import { authenticate, TOKEN_COOKIE } from '../middleware/authenticate.js';
import { problemOf, retryAfterOf } from '../problem.js';
import { askedPage, pageWindow, ROWS_PER_PAGE } from './pagination.js';
import { liveStream } from '../routes/live.js';
import { reportDownload } from '../routes/reports.js';
import { auditDownload } from '../routes/files.js';
import { AccessibilityStatement } from './accessibility.js';
import { ActionPage } from './action.js';
import { isMomentForm, readMomentForm } from './moment-form.js';
import { pageAssetRoutes } from './assets.js';
import { Dashboard } from './dashboard.js';
import { ErrorPage } from './error-page.js';
import { askedPages, listTotals, pageHrefOf, pageWindows } from './dashboard-pages.js';
import { PlanList } from './plan-list.js';
import { SignIn } from './sign-in.js';
import { isHttps, isSameOriginPost, safeNext } from '../web/same-site.js';
import { bodyLimit } from 'hono/body-limit';
import { payloadTooLarge } from '../middleware/body-limit.js';

/** The largest sign-in form read: a token and a `next` path of at most 2 KB, with room to spare. */
export const SIGN_IN_FORM_BYTES = 16 * 1024;
const asOfOf = (q: string | undefined) => (q ? q : null);

/** Server-rendered, read-only pages for viewers: they work without JavaScript and print cleanly. */
export function pageRoutes(rt: Ragtrail, shutdown?: AbortSignal, { trustProxy = false }: { trustProxy?: boolean } = {}): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  pages.onError((err, c) => {
    const p = problemOf(err);
    if (!p) throw err;
    const retry = retryAfterOf(p);
    if (retry) c.header('Retry-After', retry);
    return c.html(<ErrorPage status={p.status} detail={p.detail} />, p.status as 400);
  });

  // The only cookie-authenticated form POSTs: refused from another site's form (login CSRF, forced sign-out).
  pages.on('POST', ['/login', '/logout'], async (c, next) => {
    if (isSameOriginPost(c, trustProxy)) return next();
    return c.html(<ErrorPage status={403} detail="This form was sent from another site (Origin or Sec-Fetch-Site is not this site's): sign in from this site's own page." />, 403);
  });
  // The sign-in form is a token and a path; anyone may post it (the headers above are a browser's
  // word, not proof), so its body is bounded before it is read, or a stranger could fill the heap.
  pages.post('/login', bodyLimit({ maxSize: SIGN_IN_FORM_BYTES, onError: (c) => payloadTooLarge(c, SIGN_IN_FORM_BYTES) }));
  // Secure whenever the browser reached us over HTTPS, directly or through a trusted proxy.
  const cookie = (c: Context) => ({ httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c, trustProxy) }) as const;

  // Public: the sign-in page needs its stylesheet, and anyone may read how accessible the pages are.
  pageAssetRoutes(pages);
  pages.get('/accessibility', (c) => c.html(<AccessibilityStatement />));

  pages.get('/login', (c) => c.html(<SignIn next={safeNext(c.req.query('next'))} failed={c.req.query('failed') === '1'} />));
  pages.post('/login', async (c) => {
    // A body the browser's form would never send (broken multipart, wrong type) is a failed sign-in, not a 500.
    const form: Record<string, unknown> = await c.req.parseBody().catch(() => ({}));
    const next = safeNext(form.next);
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    if (!token || !(await rt.authenticate(token))) return c.redirect(`/login?failed=1&next=${encodeURIComponent(next)}`, 303);
    setCookie(c, TOKEN_COOKIE, token, cookie(c));
    return c.redirect(next, 303);
  });
  pages.post('/logout', (c) => {
    deleteCookie(c, TOKEN_COOKIE, cookie(c));
    return c.redirect('/login', 303);
  });

  const signIn = authenticate(rt, { cookie: true }, async (c) => c.redirect(`/login?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search))}`, 303));
  pages.use('/', signIn);
  pages.use('/plans/*', signIn);

  pages.get('/', async (c) => {
    const plans = await c.get('plans')();
    // Each row says when its plan's log is broken, so nobody opens a plan unwarned.
    const broken = new Set<string>();
    for (const p of plans) if (!(await rt.planIntegrity(p.planId)).ok) broken.add(p.planId);
    return c.html(<PlanList plans={plans} broken={broken} viewer={`${c.get('actor').name} (${c.get('actor').role})`} />);
  });

  pages.get('/plans/:planId', async (c) => {
    const planId = c.req.param('planId');
    // The period and moment form: a readable submission becomes the canonical address; an
    // unreadable one gets the page as it was (the address's own period and moment) with what to fix.
    const typed = isMomentForm(c.req.query()) ? readMomentForm(c.req.query()) : null;
    if (typed?.ok) {
      const q = new URLSearchParams({ ...(typed.period ? { period: typed.period } : {}), ...(typed.asOf ? { asOf: typed.asOf } : {}) });
      return c.redirect(`/plans/${encodeURIComponent(planId)}${q.size ? `?${q}` : ''}`, 303);
    }
    const asOf = asOfOf(c.req.query('asOf'));
    const query = { ...(c.req.query('period') ? { period: c.req.query('period')! } : {}), ...(asOf ? { asOf } : {}) };
    const asked = askedPages(c.req.query());
    const [state, summary, exceptions] = await Promise.all([rt.loadPlan(planId, asOf ?? undefined), rt.summary(planId, query), rt.exceptions(planId, query)]);
    const [{ indicators }, coverage] = await Promise.all([rt.indicators(planId, { period: summary.period, ...(asOf ? { asOf } : {}) }), rt.coverageView(planId, asOf ? { asOf } : {}).then((v) => v.rows)]);
    const form = typed && !typed.ok ? { values: typed.values, errors: typed.errors } : undefined;
    // The figures count every action; each long list shows a page at a time.
    const pages = pageWindows(asked, listTotals({ exceptions: exceptions.exceptions.length + exceptions.outcomes.length, actions: summary.priorities.reduce((n, p) => n + p.actions.length, 0), coverage }));
    const pageHref = pageHrefOf(planId, query, asked);
    return c.html(<Dashboard state={state} summary={summary} exceptions={exceptions.exceptions} outcomeExceptions={exceptions.outcomes} asOf={asOf} indicators={indicators} coverage={coverage} integrity={await rt.planIntegrity(planId)} pages={pages} pageHref={pageHref} {...(form ? { form } : {})} />, form ? 400 : 200);
  });

  // The board report, the evidence pack and the scrutiny report, linked from the dashboard for the period and moment shown.
  pages.get('/plans/:planId/reports/:kind', reportDownload(rt));
  pages.get('/plans/:planId/exports/audit', auditDownload);

  // The dashboard's live notice: the same stream as /api/plans/:id/events, with the page's cookie.
  pages.get('/plans/:planId/live', liveStream(rt, shutdown, false));

  pages.get('/plans/:planId/actions/:actionId', async (c) => {
    const { planId, actionId } = c.req.param();
    const asOf = asOfOf(c.req.query('asOf'));
    const at = asOf ? { asOf } : {};
    // An action's trail grows with every change to it: shown a page at a time like the dashboard's lists.
    const page = askedPage(c.req.query(), 'auditPage');
    const [state, evidence, audit] = await Promise.all([
      rt.loadPlan(planId, asOf ?? undefined), c.get('work').run({ kind: 'evidence', planId, query: { action: actionId, ...at } }),
      c.get('work').run({ kind: 'audit', planId, query: { action: actionId, ...at, offset: (page - 1) * ROWS_PER_PAGE, limit: ROWS_PER_PAGE } }),
    ]);
    const auditWindow = pageWindow(page, audit.total, { name: 'auditPage', rows: 'records' });
    return c.html(<ActionPage state={state} evidence={evidence.actions[0]!} audit={audit.records} auditWindow={auditWindow} asOf={asOf} integrity={await rt.planIntegrity(planId)} />);
  });
  return pages;
}
