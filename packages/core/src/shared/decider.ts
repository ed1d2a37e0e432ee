import type { DomainEvent } from '../events/catalogue.js';
import type { RecordedEvent } from '../events/envelope.js';

/**
 * A stream's rules in the shape Emmett uses: decide(command, state) -> events, evolve(state, event)
 * -> state, and the state before the first event. Plans and access each have one.
 */
export interface Decider<Command, State> {
  decide(command: Command, state: State): DomainEvent[];
  evolve(state: State, event: RecordedEvent): State;
  initialState(): State;
}
