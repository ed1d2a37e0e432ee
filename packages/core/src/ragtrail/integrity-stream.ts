import { z } from 'zod';
import type { Actor } from '../access/roles.js';
import type { DomainEvent } from '../events/catalogue.js';
import type { StoredEvent } from '../events/envelope.js';
import type { CheckpointTaken, SigningKeyRecorded } from '../events/integrity-events.js';
import { toRecorded } from '../events/recorded.js';
import { GENESIS_HASH } from '../chain/hash-chain.js';
import { singleFlight } from '../shared/single-flight.js';
import type { EventStore } from '../store/port.js';
import type { KeptStream } from './kept-stream.js';
import type { StreamTail } from './seal-after.js';

/** The stream that holds the log's signing keys and checkpoints, apart from plans and tokens. */
export const INTEGRITY_STREAM = 'integrity';

/** Integrity facts are recorded by ragtrail itself (a sign-off or a request prompts them), not decided by a person. */
export const INTEGRITY_ACTOR: Actor = { id: 'ragtrail', name: 'ragtrail', role: 'admin' };

export type RecordedKey = z.infer<typeof SigningKeyRecorded>;
export type StoredCheckpoint = z.infer<typeof CheckpointTaken> & { revision: number; recordedAt: string };

export interface IntegrityState extends StreamTail {
  keys: RecordedKey[];
  checkpoints: StoredCheckpoint[];
}

const initial = (): IntegrityState => ({ revision: -1, lastHash: GENESIS_HASH, lastRecordedAt: null, keys: [], checkpoints: [] });

/** Applies one integrity event; throws on anything else, as a reader of the stream would. */
export function evolveIntegrity(state: IntegrityState, event: ReturnType<typeof toRecorded>): IntegrityState {
  const tail = { revision: event.revision, lastHash: event.hash, lastRecordedAt: event.recordedAt };
  if (event.type === 'SigningKeyRecorded') return { ...state, ...tail, keys: [...state.keys, event.data] };
  if (event.type === 'CheckpointTaken') return { ...state, ...tail, checkpoints: [...state.checkpoints, { ...event.data, revision: event.revision, recordedAt: event.recordedAt }] };
  throw new Error(`${event.type} does not belong in the ${INTEGRITY_STREAM} stream`);
}

/** The integrity stream kept current in memory, as plans and access are. */
export class IntegrityView implements KeptStream<IntegrityState> {
  readonly stream = INTEGRITY_STREAM;
  private current = initial();

  constructor(private readonly store: EventStore) {}

  get state(): IntegrityState {
    return this.current;
  }

  readonly refresh = singleFlight(async (): Promise<IntegrityState> => {
    this.advance(await this.store.readStream(INTEGRITY_STREAM, { fromRevision: this.current.revision + 1 }));
    return this.current;
  });

  advance(events: readonly StoredEvent[]): void {
    for (const e of events) if (e.revision === this.current.revision + 1) this.current = evolveIntegrity(this.current, toRecorded(e));
  }
}

/** Folds sealed events onto a state as a reader would (the command handler's check before append). */
export function foldCheckIntegrity(state: IntegrityState, sealed: readonly Omit<StoredEvent, 'position'>[]): void {
  let next = state;
  for (const e of sealed) next = evolveIntegrity(next, toRecorded({ ...e, position: 0 }));
}

export const keyRecorded = (data: RecordedKey): DomainEvent => ({ type: 'SigningKeyRecorded', data });
export const checkpointTaken = (data: z.infer<typeof CheckpointTaken>): DomainEvent => ({ type: 'CheckpointTaken', data });
