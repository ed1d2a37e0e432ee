import { DomainError, type Caller, type CommandInput, type PlanCommandType } from '@ragtrail/core';
import { CsvImportError, type ImportLocation } from './errors.js';
import type { Scratch } from './commit.js';

/**
 * Runs one command of an import; a refusal by the core is reported against the file row that
 * caused it, so the user knows which line of their sheet to fix.
 */
export function runAt<K extends PlanCommandType>(
  scratch: Scratch, type: K, data: CommandInput<K>, caller: Caller, at: ImportLocation,
): void {
  try {
    scratch.execute(type, data, caller);
  } catch (error) {
    if (error instanceof DomainError && !(error instanceof CsvImportError) && error.code !== 'forbidden')
      throw new CsvImportError(at, `${error.message}${error.field ? ` (${error.field})` : ''}`, error.rule ?? 'domain-rule');
    throw error;
  }
}
