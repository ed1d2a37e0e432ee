import { DomainError } from '@ragtrail/core';

/** Where in a file an import went wrong; row and column are 1-based as a spreadsheet shows them. */
export interface ImportLocation {
  fileName: string;
  row?: number;
  /** The column's header text, as the file writes it. */
  column?: string;
  /** The column's letter (A, B, ... AA) where the file is a grid, so it can be found in Excel. */
  letter?: string;
}

/**
 * A file that cannot be imported. Code 'invalid' so front ends answer 400 / exit 1; the message
 * names the file, the row, the column and what was expected.
 */
export class CsvImportError extends DomainError {
  readonly fileName: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly columnLetter: string | null;
  constructor(at: ImportLocation, expected: string, rule = 'import-format') {
    const column = at.column === undefined ? null : `column ${at.letter ? `${at.letter} ` : ''}"${at.column}"`;
    const where = [at.fileName, at.row === undefined ? null : `row ${at.row}`, column]
      .filter(Boolean)
      .join(', ');
    super('invalid', `${where}: ${expected}`, at.column ?? 'content', rule, { fileName: at.fileName, row: at.row ?? null, column: at.column ?? null, columnLetter: at.letter ?? null });
    this.fileName = at.fileName;
    this.row = at.row ?? null;
    this.column = at.column ?? null;
    this.columnLetter = at.letter ?? null;
  }
}
