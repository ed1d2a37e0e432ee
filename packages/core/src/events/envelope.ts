import { z } from 'zod';
import { Actor } from '../access/roles.js';
import type { DomainEvent } from './catalogue.js';

/** What a store keeps for each event: the fact, who recorded it, when, why, and its link in the stream's hash chain. */
export const StoredEvent = z.object({
  id: z.string().min(1),
  stream: z.string().min(1),
  /** 0-based position within the stream. */
  revision: z.number().int().min(0),
  /** Position in the store's global order; assigned by the store, strictly increasing, not part of the hash. */
  position: z.number().int().min(1),
  recordedAt: z.string(),
  type: z.string().min(1),
  version: z.number().int().min(1),
  data: z.unknown(),
  actor: Actor,
  reason: z.string().nullable(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type StoredEvent = z.infer<typeof StoredEvent>;

/** A sealed event before the store gives it a global position. */
export type EventToAppend = Omit<StoredEvent, 'position'>;

/** A stored event whose data has been upcast to the current schema. */
export type RecordedEvent = Omit<StoredEvent, 'type' | 'data'> & DomainEvent;
