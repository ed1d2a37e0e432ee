import { periodEnd, previousPeriod, slugify, type Caller } from '@ragtrail/core';
import { flushingEvery, type Scratch } from '../commit.js';
import { runAt } from '../run-command.js';
import { parseDueDate } from '../dates.js';
import type { TrackerSheet } from './parse.js';

export interface ApplyTrackerOptions {
  fileName: string;
  /** Priorities already in the plan, by number -> id (the development plan's summary adds them first). */
  priorities?: Map<number, string>;
  /** Called after each line of each pass (actions, then scores): two calls per line. */
  onLine?: () => void;
}

/**
 * Seed 001 keeps its progress notes under "By When (date)" ("Sept 16 & June 17", "A, B and C
 * done."); other trackers keep the deadline there. Only a cell that is nothing but one date
 * ("March 2019", "31/03/19", "2018/19") is read as the due date, and then it is not an update.
 */
function deadlineIn(byWhen: string): string | null {
  return /^[A-Za-z0-9 ./'-]{1,20}$/.test(byWhen.trim()) ? parseDueDate(byWhen) : null;
}

/**
 * Adds the sheet's actions, opens the reviews its scores need and records them: the "Score"
 * column for the period before the update, the "Update <Month YY>" column for that month, each
 * with the direction exactly as the council stated it.
 */
export async function applyTracker(scratch: Scratch, sheet: TrackerSheet, caller: Caller, options: ApplyTrackerOptions): Promise<{ warnings: string[] }> {
  const { fileName } = options;
  const { cadence } = scratch.state;
  const warnings: string[] = [];
  const priorities = options.priorities ?? new Map<number, string>();
  const previous = previousPeriod(sheet.period, cadence);
  const importCaller: Caller = {
    actor: caller.actor,
    reason: caller.reason?.trim() || `Imported from ${fileName}: scores and directions of travel as stated by the council`,
  };

  const lineDone = flushingEvery(scratch);
  for (const line of sheet.lines) {
    const at = { fileName, row: line.row };
    let priorityId: string | null = null;
    if (line.priority) {
      priorityId = priorities.get(line.priority.number) ?? null;
      if (priorityId === null) {
        priorityId = `p${line.priority.number}`;
        runAt(scratch, 'AddPriority', { priorityId, number: line.priority.number, title: line.priority.title || `Priority ${line.priority.number}` }, importCaller, at);
        priorities.set(line.priority.number, priorityId);
      }
    }
    runAt(scratch, 'AddAction', {
      actionId: slugify(line.ref), ref: line.ref, priorityId, title: line.title, description: line.description,
      subActions: line.subActions, lead: line.lead, owners: line.owners, dueText: line.byWhen, dueDate: deadlineIn(line.byWhen),
      carriedOverFrom: line.carries?.reference ?? null,
    }, importCaller, at);
    options.onLine?.();
    await lineDone();
  }

  const needsPrevious = sheet.lines.some((l) => l.previousScore !== null);
  if (needsPrevious)
    runAt(scratch, 'OpenReview', {
      period: previous,
      // The sheet records the earlier score but not who reviewed it or when: say so rather than guess.
      reviewer: `Not named in ${fileName}`,
      reviewDate: periodEnd(previous),
    }, importCaller, { fileName });
  const reviewer = sheet.reviewer ?? `Not named in ${fileName}`;
  const reviewDate = sheet.reviewDate ?? periodEnd(sheet.period);
  if (!sheet.reviewer) warnings.push(`${fileName}: no "Name of Reviewer" in the preamble; the review of ${sheet.period} says so`);
  runAt(scratch, 'OpenReview', { period: sheet.period, reviewer, reviewDate }, importCaller, { fileName });

  for (const line of sheet.lines) {
    const at = { fileName, row: line.row };
    // Evidence the sheet does not date is dated the day of the review that relied on it, so levels that demand evidence can be recorded.
    for (const e of line.evidence)
      runAt(scratch, 'AttachEvidence', {
        action: line.ref, title: e.title, kind: e.kind ?? 'document', observedOn: e.observedOn ?? reviewDate, link: e.link, contentHash: e.contentHash,
      }, importCaller, at);
    if (line.previousScore !== null)
      runAt(scratch, 'RecordEntry', { action: line.ref, period: previous, score: line.previousScore, update: '', direction: null, source: 'imported' }, importCaller, at);
    if (line.currentScore !== null)
      runAt(scratch, 'RecordEntry', {
        action: line.ref, period: sheet.period, score: line.currentScore,
        update: line.progress ?? (deadlineIn(line.byWhen) === null ? line.byWhen : ''), direction: line.direction, source: 'imported',
      }, importCaller, at);
    else warnings.push(`${fileName} row ${line.row}: ${line.ref} has no score for ${sheet.period}; no entry recorded`);
    options.onLine?.();
    await lineDone();
  }
  return { warnings };
}
