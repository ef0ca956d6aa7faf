import { UnauthorizedError } from '../errors.js';
import type { AuthenticatedUser } from './authenticated-user.js';

/**
 * Turns verified token claims into the caller: `sub` is the user id and
 * must be a non-empty string; `email` is kept when it is a string. A
 * subject is an exact identifier, so one with leading or trailing
 * whitespace or any control character is refused rather than trimmed:
 * the API and the webhook (which reads `metadata.userId`) must never see
 * two spellings of one user.
 */
export function readUserClaims(claims: unknown): AuthenticatedUser {
  if (typeof claims !== 'object' || claims === null) {
    throw new UnauthorizedError();
  }
  const { sub, email } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || !isExactIdentifier(sub)) {
    throw new UnauthorizedError();
  }
  return {
    userId: sub,
    email: typeof email === 'string' && email !== '' ? email : undefined,
  };
}

function isExactIdentifier(value: string): boolean {
  return value !== '' && value === value.trim() && !/\p{Cc}/u.test(value);
}
