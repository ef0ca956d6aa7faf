import type { Context } from 'hono';

import type { AuthenticatedUser } from './authenticated-user.js';
import type { Authenticator } from './authenticator.js';
import { readUserClaims } from './read-user-claims.js';

/**
 * Reads the caller from the claims API Gateway's JWT authorizer verified
 * (HTTP API, payload 2.0): `requestContext.authorizer.jwt.claims` of the
 * Lambda event that `hono/aws-lambda` puts in `c.env.event`. The authorizer
 * rejects bad tokens before the function runs, so only a missing or
 * malformed claim set is refused here.
 */
export class LambdaAuthorizerAuthenticator implements Authenticator {
  async authenticate(c: Context): Promise<AuthenticatedUser> {
    return readUserClaims(readClaims(c.env));
  }
}

function readClaims(env: unknown): unknown {
  let value: unknown = env;
  for (const key of ['event', 'requestContext', 'authorizer', 'jwt']) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Record<string, unknown>).claims;
}
