import Stripe from 'stripe';

import type { StripeApiBase } from '../config/app-config.js';
import { StripeRequestError, StripeUnavailableError } from './errors.js';

/** Options of {@link makeStripeClient}. */
export interface StripeClientOptions {
  /** Secret API key. */
  readonly secretKey: string;
  /** API base override (the offline sandbox); real Stripe when absent. */
  readonly apiBase?: StripeApiBase | undefined;
  /** Retries of the SDK on network errors and 409/429/5xx; default 2. */
  readonly maxNetworkRetries?: number;
  /** Request timeout in milliseconds; default 10 000. */
  readonly timeoutMs?: number;
}

/**
 * Makes a client of the official SDK, pinned to the SDK's API version.
 * The SDK retries idempotent failures with backoff on its own.
 */
export function makeStripeClient(options: StripeClientOptions): Stripe {
  const base = options.apiBase;
  return new Stripe(options.secretKey, {
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 10_000,
    appInfo: { name: 'stripe-billing-backend' },
    ...(base
      ? { host: base.host, port: base.port, protocol: base.protocol }
      : {}),
  });
}

/**
 * Translates an SDK error at the edge: connection, rate-limit and server
 * errors become {@link StripeUnavailableError} (a retry may help); other
 * Stripe errors become {@link StripeRequestError}. Anything else is returned
 * as it is.
 */
export function translateStripeError(error: unknown, operation: string) {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const status = error.statusCode ?? 0;
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    error instanceof Stripe.errors.StripeAPIError ||
    status >= 500 ||
    status === 429
  ) {
    return new StripeUnavailableError(operation, { cause: error });
  }
  return new StripeRequestError(operation, { cause: error });
}
