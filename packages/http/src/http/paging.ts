import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env.js';

/**
 * One paging scheme for every list the API answers (docs/http-api.md#paging), the history's: a
 * list's rows are numbered from 0 in the order the whole answer lists them; a page holds the rows
 * after position `after` (-1, the default, is before the first), at most `limit` of them; the
 * answer says `next`, the `after` of the following page (also sent as `Link: <...>; rel="next"`),
 * null on the last page, and `total`, how many rows the whole list has. Figures (counts, means)
 * are always over the whole list; only the rows are cut.
 */

/** The rows of a list any one answer holds at most, and holds unless asked for fewer: every plan of tens or hundreds of actions comes whole. */
export const LIST_PAGE_MAX = 1000;

/** `after` and `limit` as a query states them, each refusal naming its field and the rule. */
export const pageFields = (max: number, rows: string) => ({
  after: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(-1, 'must be -1 or more').max(Number.MAX_SAFE_INTEGER, 'must be a safe integer').optional()
    .describe(`only ${rows} after this position (default -1: from the first); a page's \`next\``),
  limit: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`).optional()
    .describe(`at most this many ${rows} (default and most: ${max})`),
});

/** The page asked for, with the defaults filled in. */
export interface PageAsk { after: number; limit: number }
export const pageAsk = (q: { after?: number | undefined; limit?: number | undefined }, max = LIST_PAGE_MAX): PageAsk => ({ after: q.after ?? -1, limit: q.limit ?? max });

/** Where a page of a list of `total` rows starts and ends (`from` inclusive, `to` exclusive), and its `next`. */
export interface PageWindow { from: number; to: number; next: number | null; total: number }
export function windowOf(total: number, { after, limit }: PageAsk): PageWindow {
  const from = Math.min(after + 1, total);
  const to = Math.min(from + limit, total);
  return { from, to, next: to < total ? to - 1 : null, total };
}

/** A page of one list: its rows, `next` and `total`. */
export function cut<T>(rows: readonly T[], ask: PageAsk): { rows: T[]; next: number | null; total: number } {
  const w = windowOf(rows.length, ask);
  return { rows: rows.slice(w.from, w.to), next: w.next, total: w.total };
}

/**
 * The rows of several lists answered one after another (an answer's `exceptions`, then its
 * `outcomes`) as one list of positions: each list's part of the window, so the pages of each join
 * into it whole and in order.
 */
export function cutEach<L extends Record<string, readonly unknown[]>>(lists: L, ask: PageAsk): { parts: { [K in keyof L]: L[K][number][] }; next: number | null; total: number } {
  const total = Object.values(lists).reduce((n, rows) => n + rows.length, 0);
  const w = windowOf(total, ask);
  let start = 0;
  const parts = Object.fromEntries(Object.entries(lists).map(([name, rows]) => {
    const part = rows.slice(Math.max(0, w.from - start), Math.max(0, w.to - start));
    start += rows.length;
    return [name, part];
  })) as { [K in keyof L]: L[K][number][] };
  return { parts, next: w.next, total };
}

/**
 * Names the following page in a Link header: this request's own address with `after` moved on,
 * every other parameter kept but the audit trail's older `offset`, which `after` replaces.
 */
export function linkNext(c: Context<AppEnv>, next: number | null): void {
  if (next === null) return;
  const url = new URL(c.req.url);
  url.searchParams.delete('offset');
  url.searchParams.set('after', String(next));
  c.header('Link', `<${url.pathname}?${url.searchParams}>; rel="next"`);
}

/**
 * Answers one list of a larger answer a page at a time: the answer's other members whole, the
 * page's rows under the list's name, `next` and `total`, and the Link to the following page.
 */
export function answerListPage<T>(c: Context<AppEnv>, answer: { rest: object; name: string; list: readonly T[] }, q: { after?: number | undefined; limit?: number | undefined }): Response {
  const { rows, next, total } = cut(answer.list, pageAsk(q));
  linkNext(c, next);
  return c.json({ ...answer.rest, [answer.name]: rows, next, total });
}

/** The words the OpenAPI document uses for a paged answer. */
export const pagedAnswer = (shape: string, rows: string, max = LIST_PAGE_MAX) =>
  `${shape}: at most \`limit\` ${rows} (default and most ${max}) after position \`after\`; \`next\` is the \`after\` of the following page (also sent as \`Link: <...>; rel="next"\`), null on the last page; \`total\` counts every one of them`;
