import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { notFound, parseInput } from '../shared/errors.js';
import { requireRole } from './permissions.js';
import { Role, type Actor } from './roles.js';
import type { DomainEvent } from '../events/catalogue.js';
import type { RecordedEvent } from '../events/envelope.js';
import type { CommandMetadata } from '../shared/command-metadata.js';
import type { Decider } from '../shared/decider.js';
import { GENESIS_HASH } from '../chain/hash-chain.js';

/**
 * The name of the stream that records API tokens being issued and revoked, kept apart from every plan's
 * stream.
 */
export const ACCESS_STREAM = 'access';

/** What an admin supplies to issue an API token: the holder's display name and the role the token acts in. */
export const IssueTokenInput = z.object({ name: z.string().trim().min(1, 'must not be empty'), role: Role });
/** What revoking an API token needs: the id of the token to revoke. */
export const RevokeTokenInput = z.object({ tokenId: z.string().min(1) });

/**
 * One API token as the access state knows it: holder, role, the SHA-256 of its secret, who issued it and
 * when, and whether it is revoked.
 */
export interface TokenRecord {
  tokenId: string;
  name: string;
  role: Role;
  tokenHash: string;
  issuedAt: string;
  issuedBy: string;
  revoked: boolean;
}

/**
 * The access stream folded: every token issued so far, plus the stream revision and last hash the next
 * append must follow.
 */
export interface AccessState {
  /** tokenId -> token; a Map, so a tokenId a person typed never finds a built-in property. */
  tokens: ReadonlyMap<string, TokenRecord>;
  revision: number;
  lastHash: string;
  lastRecordedAt: string | null;
}

/** The access state before any token event: no tokens, revision -1 and the chain at the genesis hash. */
export const initialAccessState = (): AccessState => ({ tokens: new Map(), revision: -1, lastHash: GENESIS_HASH, lastRecordedAt: null });

/**
 * The SHA-256 hex digest of a bearer secret: the only form of a secret the log stores and a sign-in
 * compares.
 */
export const hashToken = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** A bearer secret: 32 random bytes, base64url, with a prefix so it is recognisable in a leaked log. */
export const newTokenSecret = (): string => `rgt_${randomBytes(32).toString('base64url')}`;

/**
 * Applies one recorded `TokenIssued` or `TokenRevoked` event to the access state and returns the new state
 * (the input is not changed).
 */
export function evolveAccess(state: AccessState, event: RecordedEvent): AccessState {
  const tokens = new Map(state.tokens);
  if (event.type === 'TokenIssued')
    tokens.set(event.data.tokenId, { ...event.data, issuedAt: event.recordedAt, issuedBy: event.actor.name, revoked: false });
  const revoked = event.type === 'TokenRevoked' ? tokens.get(event.data.tokenId) : undefined;
  if (revoked) tokens.set(revoked.tokenId, { ...revoked, revoked: true });
  return { tokens, revision: event.revision, lastHash: event.hash, lastRecordedAt: event.recordedAt };
}

/**
 * A command on the access stream: issue a token (its id and secret hash already chosen by the caller) or
 * revoke one.
 */
export type AccessCommand =
  | { type: 'IssueToken'; data: { name: string; role: Role; tokenId: string; tokenHash: string }; metadata: CommandMetadata }
  | { type: 'RevokeToken'; data: { tokenId: string }; metadata: CommandMetadata };

/**
 * Checks an access command against the issuer's role and the current tokens and returns the events to
 * record, or throws a DomainError.
 */
export function decideAccess(command: AccessCommand, state: AccessState): DomainEvent[] {
  requireRole(command.metadata.actor.role, command.type);
  if (command.type === 'IssueToken') {
    const input = parseInput(IssueTokenInput, command.data, 'data');
    return [{ type: 'TokenIssued', data: { tokenId: command.data.tokenId, name: input.name, role: input.role, tokenHash: command.data.tokenHash } }];
  }
  const { tokenId } = parseInput(RevokeTokenInput, command.data, 'data');
  const token = state.tokens.get(tokenId);
  if (!token || token.revoked) throw notFound('tokenId', `No active token ${tokenId}`);
  return [{ type: 'TokenRevoked', data: { tokenId } }];
}

/** The principal a bearer secret stands for, or null when it is unknown or revoked. */
export function principalFor(state: AccessState, secret: string): Actor | null {
  const hash = hashToken(secret);
  const record = [...state.tokens.values()].find((t) => t.tokenHash === hash && !t.revoked);
  return record ? { id: `token:${record.tokenId}`, name: record.name, role: record.role } : null;
}

/** The access stream's rules, shaped like the plan's decider. */
export const accessDecider: Decider<AccessCommand, AccessState> = { decide: decideAccess, evolve: evolveAccess, initialState: initialAccessState };
