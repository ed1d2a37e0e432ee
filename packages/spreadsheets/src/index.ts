export { CsvImportError, type ImportLocation } from './errors.js';
export { ImportInput, ImportResult } from './input.js';
export { readTable, detectFormat, TableFormat, FileInput, type Table } from './table/read-table.js';
export { parseDueDate, parseMonthYear, parseDayMonthYear } from './dates.js';
export { importTracker } from './tracker/import.js';
export { parseTracker, TrackerLine, TrackerSheet } from './tracker/parse.js';
export { splitLead, splitSubActions, leadCell } from './tracker/cells.js';
export { trackerColumns } from './tracker/layout.js';
export { loadDemo, demoPlanIds, demoDir } from './demo/load-demo.js';
