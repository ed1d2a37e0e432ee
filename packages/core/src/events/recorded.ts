import type { RecordedEvent, StoredEvent } from './envelope.js';
import { eventCatalogue, isEventType, upcast } from './catalogue.js';

/** A stored event with its data brought up to the current schema (the stored bytes are untouched). */
export function toRecorded(stored: StoredEvent): RecordedEvent {
  const { type, data } = upcast(stored.type, stored.version, stored.data);
  return { ...stored, type, data } as RecordedEvent;
}

/**
 * The cheap decode for full rebuilds: an event at its type's current version is taken as it is,
 * because it was written by this library's decider from parsed input and its hash chain says it
 * has not changed since; an older version still goes through the upcasters and the schema.
 * Use `toRecorded` for events from anywhere else (an import file, a store written by other code).
 */
export function toRecordedTrusted(stored: StoredEvent): RecordedEvent {
  if (isEventType(stored.type) && eventCatalogue[stored.type].version === stored.version) return stored as RecordedEvent;
  return toRecorded(stored);
}
