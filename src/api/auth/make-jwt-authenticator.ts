import { type CryptoKey, createRemoteJWKSet } from 'jose';

import type { AuthConfig } from '../../config/app-config.js';
import { ConfigError } from '../../config/errors.js';
import type { Clock } from '../clock.js';
import { JwtAuthenticator } from './jwt-authenticator.js';

/**
 * The authenticator of the local server: tokens of the configured issuer
 * and audience (`JWT_ISSUER`, `JWT_AUDIENCE`), checked against the
 * issuer's key set when `JWT_JWKS_URL` is set, else against the local dev
 * issuer's public key.
 */
export function makeJwtAuthenticator(
  auth: AuthConfig,
  localKey?: CryptoKey,
  clock?: Clock,
): JwtAuthenticator {
  const key = auth.jwksUrl
    ? createRemoteJWKSet(new URL(auth.jwksUrl))
    : localKey;
  if (key === undefined) {
    throw new ConfigError(
      'JWT_JWKS_URL',
      'environment variable',
      'is required unless the local dev issuer signs the tokens',
    );
  }
  return new JwtAuthenticator({
    issuer: auth.issuer,
    audience: auth.audience,
    key,
    ...(clock ? { clock } : {}),
  });
}
