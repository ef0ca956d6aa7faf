import { AppError } from '../shared/app-error.js';

/** Stripe could not be reached or failed; a retry may help. */
export class StripeUnavailableError extends AppError {
  readonly code = 'stripe_unavailable';
  override readonly status = 502;

  constructor(operation: string, options?: { cause?: unknown }) {
    super(
      `Stripe did not complete ${operation}; try again in a moment.`,
      options,
    );
  }
}

/** Stripe refused a request the project made: a bug or a misconfiguration. */
export class StripeRequestError extends AppError {
  readonly code = 'stripe_request_failed';
  override readonly status = 502;
  override readonly isExposed = false;

  constructor(operation: string, options?: { cause?: unknown }) {
    super(
      `Stripe refused ${operation}; check the configured prices and keys.`,
      options,
    );
  }
}
