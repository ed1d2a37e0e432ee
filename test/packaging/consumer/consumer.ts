// A TypeScript program outside the repository, type-checked (not run) against the declarations
// the packed packages ship: the facade with a store opened by URL, the errors a caller narrows,
// the store port implemented by the caller, and the verifier on its own.
import { ConcurrencyError, createRagtrail, DomainError, ValidationError, type EventStore, type Ragtrail } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import { verify, type Verdict } from '@ragtrail/verifier';

export async function boardSummary(url: string, planId: string, period: string): Promise<number | null> {
  const store: EventStore = await openStore(url);
  const rt: Ragtrail = createRagtrail({ store });
  try {
    const summary = await rt.summary(planId, { period });
    return summary.overall.current;
  } catch (error) {
    if (error instanceof DomainError) return error.code === 'not-found' ? null : Promise.reject(new Error(`${error.field}: ${error.rule}`));
    if (error instanceof ValidationError) throw new Error(error.issues.map((i) => i.field).join(', '));
    if (error instanceof ConcurrencyError) throw error;
    throw error;
  } finally {
    await rt.close();
  }
}

export function verdictLine(verdict: Verdict): string {
  return JSON.stringify(verdict);
}

export const verifier: typeof verify = verify;
