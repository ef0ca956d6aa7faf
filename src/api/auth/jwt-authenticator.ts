import type { Context } from 'hono';
import {
  type CryptoKey,
  type JWTVerifyGetKey,
  jwtVerify,
  type KeyObject,
} from 'jose';

import type { Clock } from '../clock.js';
import { UnauthorizedError } from '../errors.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import type { Authenticator } from './authenticator.js';
import { readUserClaims } from './read-user-claims.js';

/** Signature algorithms accepted; `none` and HMAC never are. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

/** Options of {@link JwtAuthenticator}. */
export interface JwtAuthenticatorOptions {
  /** Expected `iss` claim. */
  readonly issuer: string;
  /** Expected `aud` claim. */
  readonly audience: string;
  /**
   * The issuer's public key, or a key set such as `createRemoteJWKSet`
   * returns.
   */
  readonly key: CryptoKey | KeyObject | JWTVerifyGetKey;
  /** Time source for `exp` and `nbf` checks; default the system clock. */
  readonly clock?: Clock;
  /** Leeway for `exp` and `nbf`, in seconds; default 30. */
  readonly clockToleranceSeconds?: number;
}

/**
 * Verifies the bearer token of each request with `jose`: signature,
 * algorithm, issuer, audience, expiry. Used by the local server; in AWS the
 * HTTP API's JWT authorizer does this work instead.
 */
export class JwtAuthenticator implements Authenticator {
  readonly #options: JwtAuthenticatorOptions;

  constructor(options: JwtAuthenticatorOptions) {
    this.#options = options;
  }

  async authenticate(c: Context): Promise<AuthenticatedUser> {
    const token = readBearerToken(c.req.header('authorization'));
    const { issuer, audience, clock } = this.#options;
    const options = {
      issuer,
      audience,
      algorithms: [...ACCEPTED_ALGORITHMS],
      clockTolerance: this.#options.clockToleranceSeconds ?? 30,
      ...(clock ? { currentDate: new Date(clock()) } : {}),
    };
    const key = this.#options.key;
    try {
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key, options);
      return readUserClaims(payload);
    } catch (error) {
      if (error instanceof UnauthorizedError) throw error;
      throw new UnauthorizedError({ cause: error });
    }
  }
}

function readBearerToken(header: string | undefined): string {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) throw new UnauthorizedError();
  return match[1];
}
