export { importIndicators, IndicatorImportInput, type IndicatorImportResult } from './import.js';
export { periodOfCell } from './periods.js';
