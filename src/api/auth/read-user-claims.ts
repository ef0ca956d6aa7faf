import { UnauthorizedError } from '../errors.js';
import type { AuthenticatedUser } from './authenticated-user.js';

/**
 * Turns verified token claims into the caller: `sub` is the user id and
 * must be a non-empty string; `email` is kept when it is a string.
 */
export function readUserClaims(claims: unknown): AuthenticatedUser {
  if (typeof claims !== 'object' || claims === null) {
    throw new UnauthorizedError();
  }
  const { sub, email } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || sub.trim() === '') {
    throw new UnauthorizedError();
  }
  return {
    userId: sub,
    email: typeof email === 'string' && email !== '' ? email : undefined,
  };
}
