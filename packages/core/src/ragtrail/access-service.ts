import { randomUUID } from 'node:crypto';
import type { Actor } from '../access/roles.js';
import {
  ACCESS_STREAM, accessDecider, hashToken, newTokenSecret, principalFor,
  type AccessCommand, type AccessState, type TokenRecord,
} from '../access/tokens.js';
import type { ChainBreak } from '../chain/hash-chain.js';
import type { StoredEvent } from '../events/envelope.js';
import { toRecorded } from '../events/recorded.js';
import type { EventStore } from '../store/port.js';
import { singleFlight } from '../shared/single-flight.js';
import { firstBreakIn } from './chain-guard.js';
import type { CommandHandler } from './command-handler.js';
import type { KeptStream } from './kept-stream.js';
import type { Caller } from './types.js';

/** The access stream kept current in memory; tokens live apart so a plan's chain holds only the plan's facts. */
class AccessView implements KeptStream<AccessState> {
  readonly stream = ACCESS_STREAM;
  private state = accessDecider.initialState();
  /** The first access event whose hash or link failed: nothing after it is folded, and no token works. */
  broken: ChainBreak | null = null;

  constructor(private readonly store: EventStore) {}

  // Requests arriving together share one read, and an event already folded is never folded again.
  readonly refresh = singleFlight(async (): Promise<AccessState> => {
    this.advance(await this.store.readStream(ACCESS_STREAM, { fromRevision: this.state.revision + 1 }));
    return this.state;
  });

  advance(events: readonly StoredEvent[]): void {
    if (this.broken) return;
    const fresh = events.filter((e) => e.revision > this.state.revision);
    if (fresh.length === 0 || fresh[0]!.revision !== this.state.revision + 1) return;
    // An edited token list could hand a viewer the admin role: check each event before it counts.
    const { holds, firstBreak } = firstBreakIn(fresh, this.state.lastHash);
    for (const e of holds) this.state = accessDecider.evolve(this.state, toRecorded(e));
    this.broken = firstBreak;
  }
}

/** Issuing, revoking and checking bearer tokens, through the same command handler as plans. */
export function createAccessService(store: EventStore, handle: CommandHandler) {
  const view = new AccessView(store);
  const run = (command: Omit<AccessCommand, 'metadata'>, caller: Caller) =>
    handle({
      stream: view,
      subject: 'the token list',
      decide: (state, metadata) => accessDecider.decide({ ...command, metadata } as AccessCommand, state),
      foldCheck: (state, sealed) => {
        let next = state;
        for (const e of sealed) next = accessDecider.evolve(next, toRecorded({ ...e, position: 0 }));
      },
    }, caller);

  return {
    /** Issues a bearer token and returns its secret: shown once, stored only as a hash. */
    async issueToken(input: { name: string; role: Actor['role'] }, caller: Caller): Promise<{ tokenId: string; token: string; name: string; role: Actor['role'] }> {
      const token = newTokenSecret();
      const tokenId = randomUUID();
      await run({ type: 'IssueToken', data: { ...input, tokenId, tokenHash: hashToken(token) } }, caller);
      return { tokenId, token, name: input.name, role: input.role };
    },

    async revokeToken(tokenId: string, caller: Caller): Promise<void> {
      await run({ type: 'RevokeToken', data: { tokenId } }, caller);
    },

    async tokens(): Promise<Omit<TokenRecord, 'tokenHash'>[]> {
      const state = await view.refresh();
      return [...state.tokens.values()].map(({ tokenHash: _hash, ...rest }) => rest);
    },

    /** Fails closed: while the access stream's chain is broken, no token is recognised. */
    async authenticate(secret: string): Promise<Actor | null> {
      const state = await view.refresh();
      return view.broken ? null : principalFor(state, secret);
    },

    /** The first broken event of the access stream, or null while its chain holds. */
    async accessIntegrity(): Promise<ChainBreak | null> {
      await view.refresh();
      return view.broken;
    },
  };
}
