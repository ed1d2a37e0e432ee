import type { Handler, MiddlewareHandler } from 'hono';
import type { IntegrityFlag, LogIntegrityStatus } from '@ragtrail/core';
import type { Logger } from 'pino';
import type { AppEnv, Ragtrail } from '../env.js';

/** The header every answer about a plan with a broken log carries, so a client need not ask again. */
export const INTEGRITY_HEADER = 'Ragtrail-Integrity';

export const integrityHeaderValue = (b: Pick<IntegrityFlag, 'stream' | 'revision' | 'problem'>): string =>
  `broken; stream=${b.stream.replace(/[;\s]/g, '_')}; revision=${b.revision ?? 'none'}; problem=${b.problem}`;

// /api/plans/<id>/... and the pages /plans/<id>/...: the answers that are about one plan.
const planPath = /^(?:\/api)?\/plans\/([^/]+)/;

/**
 * Flags every answer about a plan whose log is broken: the `Ragtrail-Integrity` header, and an
 * `integrity` field in a JSON object answer. An answer that refused the caller (401, 403) or found
 * no plan (404) says nothing about the plan. A 401 while the access stream is broken says why no
 * token works.
 */
export const integrityFlags = (rt: Ragtrail): MiddlewareHandler<AppEnv> => async (c, next) => {
  await next();
  if (c.res.status === 401) {
    const access = await rt.accessIntegrity();
    if (access) c.header(INTEGRITY_HEADER, integrityHeaderValue(access));
    return;
  }
  const match = planPath.exec(c.req.path);
  if (!match || c.res.status === 403 || c.res.status === 404) return;
  let planId: string;
  try {
    planId = decodeURIComponent(match[1]!);
  } catch {
    return;
  }
  const integrity = await rt.planIntegrity(planId);
  if (integrity.ok) return;
  c.header(INTEGRITY_HEADER, integrityHeaderValue(integrity.firstBreak));
  const type = c.res.headers.get('content-type') ?? '';
  if (!/^application\/(problem\+)?json/.test(type)) return;
  const body: unknown = await c.res.clone().json().catch(() => undefined);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  c.res = new Response(JSON.stringify({ ...body, integrity }), { status: c.res.status, headers });
};

/**
 * `/health`: 200 while every check holds; 503 naming what broke (the access stream, the log below
 * the store's own checkpoint, a plan folded so far). Each new finding is logged once, as an error,
 * and the app checks once when it starts, so a broken log is in the server's log without a probe.
 */
export function integrityHealth(rt: Ragtrail, logger: Logger | undefined): Handler<AppEnv> {
  let logged = '';
  const check = async (): Promise<LogIntegrityStatus> => {
    const status = await rt.integrity();
    const key = status.ok ? '' : JSON.stringify([status.access, status.checkpoints, status.plans]);
    if (key !== logged) {
      logged = key;
      if (!status.ok) logger?.error({ integrity: status }, 'the log is broken: answers about the plans named are flagged, and while the access stream is broken no token works (ragtrail verify names every break)');
    }
    return status;
  };
  check().catch((err: unknown) => logger?.error({ err }, 'the integrity check at start failed'));
  return async (c) => {
    const status = await check();
    if (status.ok) return c.json({ status: 'ok' });
    return c.json({ status: 'broken', integrity: status }, 503);
  };
}
