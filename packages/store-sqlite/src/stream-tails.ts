import type Database from 'better-sqlite3';

/**
 * How far each stream is known to reach, valid until another connection commits: SQLite changes
 * `PRAGMA data_version` then, and only then (this connection's own commits leave it alone, so
 * appends here record their new tail themselves). Every read of a kept-current plan asks "anything
 * after revision N?"; when nothing was written since, this answers without a query.
 */
export function streamTails(db: Database.Database) {
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  let version = dataVersion.get();
  /** stream -> no revision above this one exists */
  const tails = new Map<string, number>();
  return {
    /** True when the stream is known to hold nothing at `fromRevision` or later. */
    nothingFrom(stream: string, fromRevision: number): boolean {
      const now = dataVersion.get();
      if (now !== version) {
        version = now;
        tails.clear();
        return false;
      }
      const tail = tails.get(stream);
      return tail !== undefined && fromRevision > tail;
    },
    /** A read from `fromRevision` reached the stream's end at `lastRevision` (or found nothing). */
    readToEnd(stream: string, fromRevision: number, lastRevision: number | undefined): void {
      tails.set(stream, lastRevision ?? fromRevision - 1);
    },
    /** This connection committed the stream up to `revision`. */
    appended(stream: string, revision: number): void {
      tails.set(stream, revision);
    },
  };
}
