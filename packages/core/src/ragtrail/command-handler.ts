import { ConcurrencyError } from '../shared/errors.js';
import { RecordedOrderError } from '../integrity/recorded-order.js';
import type { DomainEvent } from '../events/catalogue.js';
import type { EventToAppend, StoredEvent } from '../events/envelope.js';
import type { CommandMetadata } from '../shared/command-metadata.js';
import type { EventStore } from '../store/port.js';
import { lostRace, staleRevision, unfoldable } from './command-errors.js';
import type { KeptStream } from './kept-stream.js';
import { refuseBrokenChain } from './chain-guard.js';
import { metadataOf, sealAfter, type StreamTail } from './seal-after.js';
import type { Caller } from './types.js';

export interface CommandHandlerOptions {
  store: EventStore;
  now: () => Date;
  maxAttempts: number;
  /** Told every recordedAt appended or named by a store's refusal, so the clock never stamps backwards (recorded-clock.ts). */
  saw?: (recordedAt: string) => void;
}

/** One command against one kept stream: what to decide, how to check the result folds, and what to call the stream in errors. */
export interface StreamCommand<S extends StreamTail> {
  stream: KeptStream<S>;
  /** "plan x", "the token list": named in conflict messages. */
  subject: string;
  decide(state: S, metadata: CommandMetadata): DomainEvent[];
  /** Applies sealed events to the state as a reader would, throwing what a reader would throw. */
  foldCheck(state: S, sealed: readonly EventToAppend[]): void;
}

export type CommandHandler = <S extends StreamTail>(command: StreamCommand<S>, caller: Caller) => Promise<{ revision: number; events: StoredEvent[] }>;

/**
 * The one way any stream is written: refresh, decide, seal, check the events fold, append with
 * the revision decided on; on a lost race decide again on the newer state, unless the caller
 * pinned a revision (HTTP If-Match), which then surfaces as a conflict. Every stream gets the same
 * errors.
 */
export function createCommandHandler(options: CommandHandlerOptions): CommandHandler {
  const { store, now, maxAttempts, saw } = options;
  return async (command, caller) => {
    for (let attempt = 1; ; attempt++) {
      const state = await command.stream.refresh();
      if (command.stream.broken) throw refuseBrokenChain(command.subject, command.stream.broken);
      if (caller.expectedRevision !== undefined && caller.expectedRevision !== state.revision)
        throw staleRevision(state.revision, caller.expectedRevision);
      const metadata = metadataOf(caller, now);
      const sealed = sealAfter(command.stream.stream, state, command.decide(state, metadata), metadata);
      try {
        command.foldCheck(state, sealed);
      } catch (error) {
        throw unfoldable(command.subject, error);
      }
      try {
        const result = await store.append(command.stream.stream, sealed, { expectedRevision: state.revision });
        // Read back rather than guess: only the store knows the global positions it gave.
        const stored = sealed.length === 0 ? [] : await store.readStream(command.stream.stream, { fromRevision: state.revision + 1, maxCount: sealed.length });
        command.stream.advance(stored);
        if (sealed.length > 0) saw?.(sealed[sealed.length - 1]!.recordedAt);
        return { revision: result.nextExpectedRevision, events: stored };
      } catch (error) {
        // Another writer recorded a later time first: stamp again at or after it (nothing was written).
        if (error instanceof RecordedOrderError && saw && attempt < maxAttempts) {
          saw(error.latest);
          continue;
        }
        if (!(error instanceof ConcurrencyError)) throw error;
        if (caller.expectedRevision !== undefined || attempt >= maxAttempts) throw lostRace(command.subject, error, 'try again');
      }
    }
  };
}
