/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { notFound, parseInput } from '@ragtrail/core';
import { z } from 'zod';

/** Rows of a long table a page shows at most: a 40,000-action plan was a 55 MB page before it was paged. */
export const ROWS_PER_PAGE = 200;

/** A page number in an address: a whole number from 1. */
const PageNumber = z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 or more');

/** Which rows one page shows: rows `start` (inclusive) to `end` (exclusive) of `total`, page `page` of `pages`. */
export interface PageWindow { page: number; pages: number; total: number; start: number; end: number }

/** The page an address asks for in its parameter `name` (validated as any other field; 1 when absent or empty). */
export const askedPage = (query: Record<string, string>, name: string): number =>
  query[name] === undefined || query[name] === '' ? 1 : parseInput(PageNumber, query[name], `query.${name}`);

/** Page `page` over `total` rows: a page past the last is not found, naming how many there are; an empty table still has page 1. */
export function pageWindow(page: number, total: number, { size = ROWS_PER_PAGE, name = 'page', rows = 'rows' }: { size?: number; name?: string; rows?: string } = {}): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  if (page > pages) throw notFound(`query.${name}`, `No page ${page} of ${rows}: the ${total} ${rows} fill ${pages} page${pages === 1 ? '' : 's'}`);
  const start = (page - 1) * size;
  return { page, pages, total, start, end: Math.min(start + size, total) };
}

const number = (n: number) => n.toLocaleString('en-GB');

/** "Showing 201 to 400 of 40,000 actions", above a list that has more than one page. */
export function Showing({ window: w, rows }: { window: PageWindow; rows: string }) {
  return w.pages > 1 ? <p class="govuk-body">Showing <b>{number(w.start + 1)}</b> to <b>{number(w.end)}</b> of <b>{number(w.total)}</b> {rows}</p> : null;
}

/** The page numbers worth a link: the first, the last, and the current one with its neighbours; null marks a gap. */
export function pageNumbers(page: number, pages: number): Array<number | null> {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]));
}

const arrow = { prev: 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z', next: 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z' };
const Arrow = ({ way }: { way: 'prev' | 'next' }) => (
  <svg class={`govuk-pagination__icon govuk-pagination__icon--${way}`} xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d={arrow[way]}></path></svg>
);

/**
 * The GOV.UK Design System's pagination: previous and next links with "page" for screen readers,
 * and the numbered pages around the current one (marked aria-current). Nothing when one page holds all.
 */
export function Pagination({ window: w, href, label }: { window: PageWindow; href: (page: number) => string; label: string }) {
  if (w.pages <= 1) return null;
  return (
    <nav class="govuk-pagination" aria-label={label}>
      {w.page > 1 ? (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={href(w.page - 1)} rel="prev"><Arrow way="prev" /><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a>
        </div>
      ) : null}
      <ul class="govuk-pagination__list">
        {pageNumbers(w.page, w.pages).map((n) => n === null
          ? <li class="govuk-pagination__item govuk-pagination__item--ellipsis">{"\u22EF"}</li>
          : (
            <li class={`govuk-pagination__item${n === w.page ? ' govuk-pagination__item--current' : ''}`}>
              <a class="govuk-link govuk-pagination__link" href={href(n)} aria-label={`Page ${n}`} {...(n === w.page ? { 'aria-current': 'page' } : {})}>{n}</a>
            </li>
          ))}
      </ul>
      {w.page < w.pages ? (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={href(w.page + 1)} rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span><Arrow way="next" /></a>
        </div>
      ) : null}
    </nav>
  );
}
