import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { createMemoryStore, createRagtrail, type Caller, type EventStore, type Ragtrail } from '@ragtrail/core';

/**
 * The documents the importers are tested against. Each is an excerpt the project owns under
 * test/fixtures (the tables of one source document, lines kept verbatim; see fixtures/README.md),
 * so the suite passes on a clone with nothing beside it.
 */
const documents = {
  /** The development plan 2017-19's RAG summary table, as a spreadsheet saves it. */
  summary: { fixture: 'development-plan-rag-summary.tsv', original: '000_191c9a997605010d.txt' },
  /** The same RAG summary as text extracted from the plan's PDF: titles wrap over lines. */
  summaryPdf: { fixture: 'development-plan-rag-summary-pdf.txt', original: '002_d8a0f0b3d4c7100f.txt' },
  /** The Ofsted recommendation tracker of April 2017. */
  tracker: { fixture: 'ofsted-tracker-april-2017.tsv', original: '001_758a9ce90a6249c0.txt' },
  /** The Children and Young People's Plan 2013-16: its contents and objective tables. */
  objectives: { fixture: 'childrens-plan-2013-16-objectives.txt', original: '004_925a7ad9387a7ccc.txt' },
} as const;
export type DocumentName = keyof typeof documents;
export type Source = { fileName: string; content: Buffer };

const fixtureDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The project's excerpt of a source document. */
export const fixture = (name: DocumentName): Source => {
  const fileName = documents[name].fixture;
  return { fileName, content: readFileSync(join(fixtureDir, fileName)) };
};

/** Where the original source documents are, when someone wants the tests run against them too. */
export const sourceDocumentsVariable = 'RAGTRAIL_SOURCE_DOCUMENTS';
const sourceDocumentsDir = process.env[sourceDocumentsVariable] || null;
export const notRunReason = `the original source documents are not here: set ${sourceDocumentsVariable}=/path/to/the/documents to run these against them too`;

/** The original document, or null when RAGTRAIL_SOURCE_DOCUMENTS is not set. */
export const original = (name: DocumentName): Source | null => {
  if (!sourceDocumentsDir) return null;
  const fileName = documents[name].original;
  return { fileName, content: readFileSync(join(sourceDocumentsDir, fileName)) };
};

/** The fixture always, and the original document as well when RAGTRAIL_SOURCE_DOCUMENTS names its folder. */
export const sources = (name: DocumentName): Source[] => [fixture(name), ...[original(name)].filter((s): s is Source => s !== null)];

/** Registers, when the originals are absent, one skipped test per document that says why (vitest prints the note). */
export const reportOriginalsAbsent = (...names: DocumentName[]) => {
  if (sourceDocumentsDir) return;
  describe('the original source documents', () => {
    for (const name of names)
      it(`the original ${documents[name].original}`, (ctx) => {
        console.info(`${documents[name].original} skipped: ${notRunReason}`);
        ctx.skip(notRunReason);
      });
  });
};

/** The 1-based row of the first line of a document that starts with the given text. */
export const rowStarting = (source: Source, start: string) => {
  const index = source.content.toString('utf8').split('\n').findIndex((line) => line.startsWith(start));
  if (index === -1) throw new Error(`${source.fileName} has no line starting "${start}"`);
  return index + 1;
};

export const admin: Caller = { actor: { id: 'admin-1', name: 'Sheila Admin', role: 'admin' } };

/** A ragtrail on a fresh memory store, with the store beside it so tests can check what reached the log. */
export function newRagtrail(now = '2017-05-10T09:00:00Z'): Ragtrail & { store: EventStore } {
  const store = createMemoryStore();
  return Object.assign(createRagtrail({ store, now: () => new Date(now) }), { store });
}
