import type { RecordedEvent, StoredEvent } from './envelope.js';
import { upcast } from './catalogue.js';

/** A stored event with its data brought up to the current schema (the stored bytes are untouched). */
export function toRecorded(stored: StoredEvent): RecordedEvent {
  const { type, data } = upcast(stored.type, stored.version, stored.data);
  return { ...stored, type, data } as RecordedEvent;
}
