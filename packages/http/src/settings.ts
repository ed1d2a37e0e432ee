import { ReadLimits, type ReadLimitsInput } from '@ragtrail/spreadsheets';

/** RAGTRAIL_MAX_ROWS for maxRows, RAGTRAIL_MAX_COMPRESSION_RATIO for maxCompressionRatio, ... */
export const limitVariable = (name: string) => `RAGTRAIL_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/**
 * The import limits a server runs with: each `ReadLimits` key from its environment variable,
 * the default where none is set. A value the schema refuses names the variable and the rule.
 */
export function importLimitsFromEnv(env: NodeJS.ProcessEnv): ReadLimitsInput {
  const limits: Record<string, number> = {};
  for (const name of Object.keys(ReadLimits.shape)) {
    const text = env[limitVariable(name)];
    if (text === undefined || text === '') continue;
    const parsed = ReadLimits.shape[name as keyof typeof ReadLimits.shape].safeParse(Number(text));
    if (!parsed.success || !/^\d+(\.\d+)?$/.test(text.trim()))
      throw new Error(`${limitVariable(name)}=${text}: ${parsed.success ? 'must be a number' : parsed.error.issues[0]?.message ?? 'out of range'} (docs/import-export.md#limits)`);
    limits[name] = parsed.data as number;
  }
  return limits;
}
