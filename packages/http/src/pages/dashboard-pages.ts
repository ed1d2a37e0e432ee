import type { CoverageRow } from '@ragtrail/core';
import { askedPage, pageWindow, type PageWindow } from './pagination.js';

/**
 * The dashboard's long lists, each paged on its own, and the address parameter of each: the
 * exceptions, the coverage of recommendations, the recommendations nothing assures, the actions
 * (plain `page`, the list most people page through).
 */
export const pagedLists = { exceptions: 'exceptionsPage', coverage: 'coveragePage', unassured: 'unassuredPage', actions: 'page' } as const;
export type PagedList = keyof typeof pagedLists;
const names = Object.keys(pagedLists) as PagedList[];
const rowsOf: Record<PagedList, string> = { exceptions: 'exceptions', coverage: 'recommendations', unassured: 'recommendations nothing assures', actions: 'actions' };

/** The page of each list an address asks for; a page number that is not one is refused here, before any reading. */
export const askedPages = (query: Record<string, string>): Record<PagedList, number> =>
  Object.fromEntries(names.map((list) => [list, askedPage(query, pagedLists[list])])) as Record<PagedList, number>;

/** How many rows each list has: the unassured are the coverage rows with an exception. */
export const listTotals = (totals: { exceptions: number; actions: number; coverage: readonly CoverageRow[] }): Record<PagedList, number> =>
  ({ exceptions: totals.exceptions, actions: totals.actions, coverage: totals.coverage.length, unassured: totals.coverage.filter((r) => r.recommendation.exception !== null).length });

/** Each list's window; a page past a list's last is not found, naming the list and how many pages it has. */
export const pageWindows = (asked: Record<PagedList, number>, totals: Record<PagedList, number>): Record<PagedList, PageWindow> =>
  Object.fromEntries(names.map((list) => [list, pageWindow(asked[list], totals[list], { name: pagedLists[list], rows: rowsOf[list] })])) as Record<PagedList, PageWindow>;

/** The address of page `n` of one list, keeping the other lists' pages and the period and moment, landing on the list's heading. */
export const pageHrefOf = (planId: string, query: Record<string, string>, asked: Record<PagedList, number>) => (list: PagedList, n: number): string => {
  const at = { ...asked, [list]: n };
  const q = new URLSearchParams(query);
  for (const name of names) if (at[name] > 1) q.set(pagedLists[name], String(at[name]));
  return `/plans/${encodeURIComponent(planId)}${q.size ? `?${q}` : ''}#${list}-heading`;
};
