import { readFile, writeFile } from 'node:fs/promises';

import type { Env, Hono } from 'hono';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  SignJWT,
} from 'jose';
import { z } from 'zod';

import { InvalidRequestError } from '../../api/errors.js';
import { formatIssues } from '../../api/validation/format-issues.js';

/** Path of the local-only token route. */
export const DEV_TOKEN_PATH = '/dev/token';

/** Signature algorithm of the local issuer. */
const ALGORITHM = 'ES256';

/** Lifetime of issued tokens, in seconds. */
const TOKEN_TTL_SECONDS = 3600;

const devTokenRequestSchema = z.strictObject({
  userId: z.string().min(1).max(128),
  email: z.email().optional(),
});

/** Options of {@link createLocalIssuer}. */
export interface LocalIssuerOptions {
  /** `iss` of issued tokens; the app must expect the same. */
  readonly issuer: string;
  /** `aud` of issued tokens; the app must expect the same. */
  readonly audience: string;
  /**
   * File keeping the key pair (JWK JSON) so tokens survive a restart;
   * generated on first use. A fresh key per process when absent.
   */
  readonly keyFile?: string;
}

/** A token issuer for local development only. */
export interface LocalIssuer {
  /** The public key, for the app's `JwtAuthenticator`. */
  readonly publicKey: CryptoKey;
  /** Signs a token for a user, valid for one hour. */
  issueToken(user: { userId: string; email?: string }): Promise<string>;
  /**
   * Adds `POST /dev/token` (body `{ userId, email? }`, answer `{ token }`)
   * to a local app. Never mounted by a Lambda entry point.
   */
  mountDevToken<E extends Env>(app: Hono<E>): void;
}

/**
 * Creates the local dev issuer: an ES256 key pair generated once (kept in
 * `keyFile` when given) that signs tokens the local server's
 * `JwtAuthenticator` accepts, so the demo page can sign in as anyone.
 */
export async function createLocalIssuer(
  options: LocalIssuerOptions,
): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await loadOrCreateKeys(options.keyFile);

  const issueToken = (user: { userId: string; email?: string }) =>
    new SignJWT(user.email ? { email: user.email } : {})
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(user.userId)
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_TTL_SECONDS}s`)
      .sign(privateKey);

  const mountDevToken = <E extends Env>(app: Hono<E>) => {
    app.post(DEV_TOKEN_PATH, async (c) => {
      const parsed = devTokenRequestSchema.safeParse(
        await c.req.json().catch(() => undefined),
      );
      if (!parsed.success) {
        throw new InvalidRequestError(formatIssues(parsed.error.issues));
      }
      return c.json({ token: await issueToken(parsed.data) });
    });
  };

  return { publicKey, issueToken, mountDevToken };
}

interface StoredKeys {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

async function loadOrCreateKeys(keyFile: string | undefined) {
  const stored = keyFile ? await readKeys(keyFile) : undefined;
  if (stored) {
    return {
      privateKey: (await importJWK(stored.privateJwk, ALGORITHM)) as CryptoKey,
      publicKey: (await importJWK(stored.publicJwk, ALGORITHM)) as CryptoKey,
    };
  }

  const keys = await generateKeyPair(ALGORITHM, { extractable: true });
  if (keyFile) {
    const toStore: StoredKeys = {
      privateJwk: await exportJWK(keys.privateKey),
      publicJwk: await exportJWK(keys.publicKey),
    };
    await writeFile(keyFile, JSON.stringify(toStore), { mode: 0o600 });
  }
  return keys;
}

async function readKeys(keyFile: string): Promise<StoredKeys | undefined> {
  try {
    return JSON.parse(await readFile(keyFile, 'utf8')) as StoredKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
