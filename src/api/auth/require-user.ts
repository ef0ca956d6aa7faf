import type { MiddlewareHandler } from 'hono';

import type { BillingEnv } from '../billing-api-deps.js';
import type { Authenticator } from './authenticator.js';

/**
 * Middleware of every user endpoint: authenticates the caller and stores
 * them as `c.var.user`; an unauthenticated request goes no further (401).
 */
export function requireUser(
  authenticator: Authenticator,
): MiddlewareHandler<BillingEnv> {
  return async (c, next) => {
    c.set('user', await authenticator.authenticate(c));
    await next();
  };
}
