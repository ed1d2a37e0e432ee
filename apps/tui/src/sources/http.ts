import { Actor, codeOfHttpStatus, DomainError, planStateFromJson, ValidationError, type DomainErrorCode, type FieldIssue, type RecordedEvent } from '@ragtrail/core';
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

/** One page of `GET /api/plans/:planId/history`: `next` is the `after` of the following page, null on the last. */
interface HistoryPage { events: RecordedEvent[]; next: number | null; total: number }

export interface HttpDataOptions {
  /** Events asked for per page of a plan's history (the app's default, and most, when absent). */
  historyPageSize?: number;
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
  // The API sends the state's Maps as plain objects: read them back into Maps, validated.
  const plan = async (planId: string) => planStateFromJson(await call<unknown>(routes.plan(planId)));
  // The app answers the history a page at a time: time travel needs all of it, so follow the pages.
  const history = async (planId: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    const limit = options.historyPageSize === undefined ? {} : { limit: String(options.historyPageSize) };
    for (let after = -1; ;) {
      const page = await call<HistoryPage>(routes.history(planId), { after: String(after), ...limit });
      events.push(...page.events);
      if (page.next === null) return events;
      // A page that does not move forward would loop for ever: an app this client does not understand.
      if (!(page.next > after) || page.events.length === 0) throw new DomainError('conflict', `The app's history of ${planId} did not move past revision ${after}`, 'api', 'history-pages');
      after = page.next;
    }
  };
  return {
    origin: base,
    // The token's holder and role, so the screens offer only what that role may do.
    whoAmI: async () => Actor.parse(await call(routes.me())),
    plans: () => call(routes.plans()),
    plan,
    summary: (planId, q = {}) => call(routes.summary(planId), q),
    exceptions: (planId, q = {}) => call(routes.exceptions(planId), q),
    audit: (planId, q = {}) => call(routes.audit(planId), q),
    evidence: (planId, q = {}) => call(routes.evidence(planId), q),
    indicators: (planId, q = {}) => call(routes.indicators(planId), q),
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
