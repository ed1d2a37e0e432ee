import type {
  ActionEvidence, Actor, AuditRecord, CommandInput, IndicatorView, OutcomeException, PlanException, PlanListing, PlanState, RagSummary, RecordedEvent,
} from '@ragtrail/core';

export interface PeriodQuery {
  period?: string;
  asOf?: string;
}

/**
 * Everything the terminal UI reads and writes. One implementation calls the core on a store, the
 * other the HTTP app; the screens cannot tell which, so both paths show the same thing.
 */
export interface PlanData {
  /** Where the data comes from, for the status line ("sqlite:./data/ragtrail.db", "http://..."). */
  readonly origin: string;
  /** The person the UI acts as, or null when it may only read. */
  whoAmI(): Promise<Actor | null>;
  plans(): Promise<PlanListing[]>;
  plan(planId: string): Promise<PlanState>;
  summary(planId: string, query?: PeriodQuery): Promise<RagSummary>;
  /** The actions' exceptions and, beside them, the outcomes' (off-target indicators, milestones overdue or missed). */
  exceptions(planId: string, query?: PeriodQuery): Promise<{ period: string; exceptions: PlanException[]; outcomes: OutcomeException[] }>;
  audit(planId: string, query?: { action?: string }): Promise<{ total: number; records: AuditRecord[] }>;
  evidence(planId: string, query?: PeriodQuery & { action?: string }): Promise<{ period: string; actions: ActionEvidence[] }>;
  /** Each indicator of the plan with every fact the core derives through its polarity (direction, RAG, comparators). */
  indicators(planId: string, query?: PeriodQuery): Promise<{ period: string | null; indicators: IndicatorView[] }>;
  /** The plan's whole log, oldest first: time travel folds it with the core's own functions. */
  history(planId: string): Promise<RecordedEvent[]>;
  recordEntry(planId: string, input: CommandInput<'RecordEntry'>, reason: string | null): Promise<{ revision: number }>;
  /** Calls back when someone records anything new in the plan, so open screens refresh; returns the way to stop. */
  watch?(planId: string, onChange: () => void): () => void;
  close(): Promise<void>;
}
