import type { ColumnSpec } from '../table/columns.js';

export type TrackerColumn =
  | 'ref' | 'priority' | 'recommendation' | 'lead' | 'previousScore' | 'currentScore'
  | 'direction' | 'description' | 'owners' | 'byWhen' | 'progress' | 'evidence';

/**
 * The recommendation tracker's columns (seed 001), found by header text. The order here is the
 * export's column order; `priority` and `progress` are optional extras the seed does not have.
 */
export const trackerColumns: readonly ColumnSpec<TrackerColumn>[] = [
  { key: 'ref', label: 'No.', synonyms: ['no', 'number', 'ref', 'reference', 'recommendation no', 'recommendation number'], required: true },
  { key: 'priority', label: 'Priority', synonyms: ['priority'], required: false },
  { key: 'recommendation', label: 'Recommendation', synonyms: ['recommendation', 'action', 'title'], required: true },
  { key: 'lead', label: 'Assigned Lead - Job Title/Name', synonyms: ['assigned lead', 'lead'], required: false },
  { key: 'previousScore', label: 'Score - please select', synonyms: ['score', 'previous score'], required: false },
  { key: 'currentScore', label: 'Update <Month YY>', synonyms: ['update', 'current score'], required: true },
  { key: 'direction', label: 'Direction of Travel compared to last review - please select', synonyms: ['direction', 'direction of travel', 'dot'], required: false },
  { key: 'description', label: 'Description of Action(s) - How', synonyms: ['description', 'description of actions', 'how'], required: false },
  { key: 'owners', label: 'Owner(s) - Who', synonyms: ['owners', 'owner', 'who'], required: false },
  { key: 'byWhen', label: 'By When (date)', synonyms: ['by when', 'when', 'due'], required: false },
  { key: 'progress', label: 'Progress Update', synonyms: ['progress update', 'progress', 'update narrative'], required: false },
  { key: 'evidence', label: 'Evidence', synonyms: ['evidence', 'evidence link'], required: false },
];

/** Preamble labels (the cell beside the value): "Rory Patterson | Name of Reviewer". */
export const preambleLabels = {
  reviewer: ['name of reviewer', 'reviewer'],
  reviewDate: ['date of review', 'review date'],
} as const;

/** The key to the levels that XLSX exports end with; the importer knows it is not a note to warn about. */
export const levelKeyPrefix = 'Scores: ';
