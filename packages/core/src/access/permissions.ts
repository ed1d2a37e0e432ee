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

export type CommandType = keyof typeof permissions;

export const mayIssue = (role: Role, command: CommandType): boolean => (permissions[command] as readonly Role[]).includes(role);

export function requireRole(role: Role, command: CommandType): void {
  if (!mayIssue(role, command))
    throw forbidden('role', `${holderOf(role)} may not ${command}: it needs one of the roles ${permissions[command].join(', ')}`);
}
