import { shippedSchemes, type ScoringScheme } from '@ragtrail/core';
import { CsvImportError } from './errors.js';

export function chooseScheme(fileName: string, id: string | undefined, fallback: string): ScoringScheme {
  const wanted = id ?? fallback;
  const scheme = shippedSchemes.find((s) => s.id === wanted);
  if (!scheme) throw new CsvImportError({ fileName }, `expected a scoring scheme among ${shippedSchemes.map((s) => `"${s.id}"`).join(', ')}, not "${wanted}"`, 'scheme');
  return scheme;
}
