import { holderOf, type Role } from './roles.js';
import { forbidden } from '../shared/errors.js';

/**
 * Who may issue each command. Deciders check this table, so the HTTP app, the command line and an
 * embedding system all enforce the same rules. Viewers (inspectors, auditors) may read, never write.
 */
export const permissions = {
  CreatePlan: ['admin'],
  AddPriority: ['reviewer', 'admin'],
  AddAction: ['reviewer', 'admin'],
  OpenReview: ['reviewer', 'board', 'admin'],
  RecordEntry: ['officer', 'reviewer', 'admin'],
  CorrectEntry: ['reviewer', 'board', 'admin'],
  SignOffReview: ['board'],
  AttachEvidence: ['officer', 'reviewer', 'admin'],
  RescheduleAction: ['reviewer', 'board', 'admin'],
  ImportFigures: ['admin'],
  IssueToken: ['admin'],
  RevokeToken: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** The name of a command the permissions table governs: each plan command and the two token commands. */
export type CommandType = keyof typeof permissions;

/**
 * Whether a holder of `role` may issue `command`, so a client can hide or disable what its user may not do
 * before asking.
 */
export const mayIssue = (role: Role, command: CommandType): boolean => (permissions[command] as readonly Role[]).includes(role);

/** What each command does, in the words a refusal uses ("may not sign off a review"). */
export const commandWords: Record<CommandType, string> = {
  CreatePlan: 'create a plan',
  AddPriority: 'add a priority',
  AddAction: 'add an action',
  OpenReview: 'open a review',
  RecordEntry: 'record an entry',
  CorrectEntry: 'correct an entry',
  SignOffReview: 'sign off a review',
  AttachEvidence: 'attach evidence',
  RescheduleAction: 'reschedule an action',
  ImportFigures: 'import reported figures',
  IssueToken: 'issue a token',
  RevokeToken: 'revoke a token',
};

/** "the board role", "the reviewer, board or admin role". */
export const rolesInWords = (roles: readonly Role[]): string =>
  `the ${roles.length > 1 ? `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}` : roles[0]} role`;

/**
 * Throws a `forbidden` DomainError that names the roles a command needs when `role` may not issue it; every
 * decider calls it before anything else.
 */
export function requireRole(role: Role, command: CommandType): void {
  if (!mayIssue(role, command))
    throw forbidden('role', `${holderOf(role)} may not ${commandWords[command]}: that needs ${rolesInWords(permissions[command])}`);
}
