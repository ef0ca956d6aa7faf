import type { Context } from 'hono';

import type { AuthenticatedUser } from './authenticated-user.js';

/**
 * How the billing API learns who calls it: a strategy, so that Lambda can
 * trust the claims API Gateway's JWT authorizer already verified while the
 * local server verifies tokens itself. Throws `UnauthorizedError` when the
 * caller cannot be identified.
 */
export interface Authenticator {
  authenticate(c: Context): Promise<AuthenticatedUser>;
}
