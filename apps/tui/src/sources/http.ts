import {
  Actor, codeOfHttpStatus, DomainError, planStateFromJson, ValidationError,
  type ActionEvidence, type AuditRecord, type DomainErrorCode, type FieldIssue, type IndicatorView, type OutcomeException, type PlanException, type PlanState, type RagSummary, type RecordedEvent,
} from '@ragtrail/core';
import type { PlanData } from './source.js';

/** The HTTP app's routes this client uses; kept in one place so the client stays a thin mirror of the API. */
const routes = {
  me: () => '/api/me',
  plans: () => '/api/plans',
  plan: (planId: string) => `/api/plans/${encodeURIComponent(planId)}`,
  summary: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/summary`,
  exceptions: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/exceptions`,
  audit: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/audit`,
  evidence: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/evidence`,
  history: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/history`,
  indicators: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/indicators`,
  /** Server-sent events: what the plan records from now on. */
  events: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/events`,
  recordEntry: (planId: string) => `/api/plans/${encodeURIComponent(planId)}/commands/RecordEntry`,
};

/** A problem+json answer rebuilt as the core's own error, so the screens show it as they would locally. */
async function problem(response: Response): Promise<DomainError> {
  let body: { title?: string; detail?: string; field?: string; rule?: string; code?: DomainErrorCode; issues?: FieldIssue[] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): the status line is all there is.
  }
  if (Array.isArray(body.issues) && body.issues.length > 0) return new ValidationError(body.issues);
  const message = body.detail ?? body.title ?? `${response.status} ${response.statusText}`;
  return new DomainError(body.code ?? codeOfHttpStatus(response.status), message, body.field, body.rule);
}

/**
 * Every list the app answers comes a page at a time (docs/http-api.md#paging): `next` is the
 * `after` of the following page, null on the last (absent from an app older than paging, which
 * answers whole).
 */
interface Paged { next?: number | null; total?: number }
interface HistoryPage extends Paged { events: RecordedEvent[] }
type Page<T> = T & Paged;

/** How many times a paged read starts again when the plan changes under it before it gives up. */
const PAGE_WALK_ATTEMPTS = 3;

export interface HttpDataOptions {
  /** Events asked for per page of a plan's history (the app's default, and most, when absent). */
  historyPageSize?: number;
  /** Rows asked for per page of every other list: the plan's actions, summary rows, exceptions, evidence, audit records, indicators (the app's default, and most, when absent). */
  pageSize?: number;
}

/** The UI against a running HTTP app: the same screens, every answer from the API. */
export function httpData(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch, options: HttpDataOptions = {}): PlanData {
  const base = baseUrl.replace(/\/+$/, '');
  // A refused connection or an unknown host is the person's setup to fix: say where we looked.
  const reach = async (url: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetchImpl(url, init);
    } catch (error) {
      if (init.signal?.aborted) throw error;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new DomainError('not-found', `Cannot reach the HTTP app at ${base} (${cause?.code ?? cause?.message ?? (error as Error).message}): start it with \`ragtrail serve\` or check --api`, 'api', 'reachable');
    }
  };
  const call = async <T>(path: string, query: { [key: string]: string | undefined } | object = {}, init: RequestInit = {}): Promise<T> => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string"));
    const url = `${base}${path}${params.size ? `?${params}` : ''}`;
    const response = await reach(url, { ...init, headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });
    if (!response.ok) throw await problem(response);
    return (await response.json()) as T;
  };
  /**
   * Every page of a paged answer, from the first (asked without `after`, the app's default) to the
   * one whose `next` is null. A page that does not move forward would loop for ever: an app this
   * client does not understand.
   */
  const pages = async <P extends Paged>(path: string, query: Record<string, string | undefined>, what: string, limit?: number): Promise<P[]> => {
    const out: P[] = [];
    const size = limit === undefined ? {} : { limit: String(limit) };
    for (let after: number | undefined; ;) {
      const page = await call<P>(path, { ...query, ...size, ...(after === undefined ? {} : { after: String(after) }) });
      out.push(page);
      if (page.next === null || page.next === undefined) return out;
      if (!(page.next > (after ?? -1))) throw new DomainError('conflict', `The app's ${what} did not move past position ${after ?? -1}`, 'api', 'pages');
      after = page.next;
    }
  };
  /** As `pages`, for an answer that names the plan's revision: a walk that saw the plan change starts again, so every page is of one revision. */
  const pagesOfOneRevision = async <P extends Paged & { revision: number }>(path: string, query: Record<string, string | undefined>, what: string, limit?: number): Promise<P[]> => {
    for (let attempt = 1; ; attempt++) {
      const got = await pages<P>(path, query, what, limit);
      if (got.every((p) => p.revision === got[0]!.revision)) return got;
      if (attempt === PAGE_WALK_ATTEMPTS) throw new DomainError('conflict', `The ${what} changed while it was read a page at a time, ${PAGE_WALK_ATTEMPTS} times: try again`, 'api', 'pages');
    }
  };
  // The API sends the state's Maps as plain objects, a page of actions at a time: read each back
  // into Maps, validated, and join the pages' actions into the whole plan.
  const plan = async (planId: string): Promise<PlanState> => {
    const [first, ...rest] = (await pagesOfOneRevision<Page<{ revision: number }>>(routes.plan(planId), {}, `plan ${planId}`, options.pageSize)).map((p) => planStateFromJson(p));
    if (rest.length === 0) return first!;
    const actions = new Map(first!.actions), entries = new Map(first!.entries), evidence = new Map(first!.evidence);
    const actionOrder = [...first!.actionOrder];
    for (const page of rest) {
      for (const [k, v] of page.actions) actions.set(k, v);
      for (const [k, v] of page.entries) entries.set(k, v);
      for (const [k, v] of page.evidence) evidence.set(k, v);
      for (const id of page.actionOrder) actionOrder.push(id);
    }
    return { ...first!, actions, entries, evidence, actionOrder };
  };
  // The summary's figures are whole on every page; each priority's action rows are joined.
  const summary = async (planId: string, q: object = {}): Promise<RagSummary> => {
    const [first, ...rest] = await pagesOfOneRevision<Page<RagSummary>>(routes.summary(planId), { ...q }, `summary of ${planId}`, options.pageSize);
    const { next: _next, total: _total, ...whole } = first!;
    return { ...whole, priorities: whole.priorities.map((p, i) => ({ ...p, actions: [p.actions, ...rest.map((r) => r.priorities[i]?.actions ?? [])].flat() })) };
  };
  // The app answers the history a page at a time: time travel needs all of it, so follow the pages.
  const history = async (planId: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    const limit = options.historyPageSize === undefined ? {} : { limit: String(options.historyPageSize) };
    for (let after = -1; ;) {
      const page = await call<HistoryPage>(routes.history(planId), { after: String(after), ...limit });
      events.push(...page.events);
      if (page.next === null || page.next === undefined) return events;
      // A page that does not move forward would loop for ever: an app this client does not understand.
      if (!(page.next > after) || page.events.length === 0) throw new DomainError('conflict', `The app's history of ${planId} did not move past revision ${after}`, 'api', 'history-pages');
      after = page.next;
    }
  };
  /** A list answer's pages joined: the fields of the first page, each named list the pages' rows in order. */
  const joined = async <T extends object, K extends keyof T>(path: string, q: object, what: string, lists: readonly K[]): Promise<T> => {
    const [first, ...rest] = await pages<Page<T>>(path, { ...q }, what, options.pageSize);
    const { next: _next, total: _total, ...whole } = first!;
    const out = { ...whole } as T;
    for (const list of lists) if (Array.isArray(first![list])) out[list] = [first![list] as unknown[], ...rest.map((r) => (r[list] ?? []) as unknown[])].flat() as T[K];
    return out;
  };
  return {
    origin: base,
    // The token's holder and role, so the screens offer only what that role may do.
    whoAmI: async () => Actor.parse(await call(routes.me())),
    plans: () => call(routes.plans()),
    plan,
    summary,
    exceptions: (planId, q = {}) => joined<{ period: string; exceptions: PlanException[]; outcomes: OutcomeException[] }, 'exceptions' | 'outcomes'>(routes.exceptions(planId), q, `exceptions of ${planId}`, ['exceptions', 'outcomes']),
    audit: (planId, q = {}) => joined<{ total: number; records: AuditRecord[] }, 'records'>(routes.audit(planId), q, `audit trail of ${planId}`, ['records']).then((a) => ({ ...a, total: a.records.length })),
    evidence: (planId, q = {}) => joined<{ period: string; actions: ActionEvidence[] }, 'actions'>(routes.evidence(planId), q, `evidence of ${planId}`, ['actions']),
    indicators: (planId, q = {}) => joined<{ period: string | null; indicators: IndicatorView[] }, 'indicators'>(routes.indicators(planId), q, `indicators of ${planId}`, ['indicators']),
    history,
    async recordEntry(planId, input, reason) {
      // The HTTP app takes the reason in X-Reason, percent-encoded because headers carry Latin-1 only.
      const headers: Record<string, string> = reason ? { 'x-reason': encodeURIComponent(reason) } : {};
      const result = await call<{ revision: number }>(routes.recordEntry(planId), {}, { method: 'POST', body: JSON.stringify(input), headers });
      return { revision: result.revision };
    },
    watch(planId, onChange) {
      // The live route pushes each new event; any message means "refresh", and so does the
      // route's first line (it is listening: refresh once for anything recorded before it was). A
      // dropped connection only stops the refreshing: the screens still work, as on a store.
      const abort = new AbortController();
      void fetchImpl(`${base}${routes.events(planId)}?after=now`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal })
        .then(async (response) => {
          if (!response.ok || !response.body) return;
          for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) if (chunk.includes('data:') || chunk.includes(': listening')) onChange();
        })
        .catch(() => {});
      return () => abort.abort();
    },
    close: async () => {},
  };
}
