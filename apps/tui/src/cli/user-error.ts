/**
 * A mistake the person can fix (a missing file, a bad flag value): exit 1 with one line. Its own
 * module, without the core, so registering the commands loads nothing heavy (`ragtrail --help`).
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}
