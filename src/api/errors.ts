import { AppError } from '../shared/app-error.js';

/** The family of errors the billing API answers with on purpose. */
export abstract class ApiError extends AppError {}

/** The bearer token is missing, malformed, expired or not ours. */
export class UnauthorizedError extends ApiError {
  readonly code = 'unauthorized';
  override readonly status = 401;

  constructor(options?: { cause?: unknown }) {
    super(
      'A valid bearer token is required: send Authorization: Bearer <token>.',
      options,
    );
  }
}

/**
 * The request could not be read: malformed JSON, missing or unexpected
 * fields. `details` lists each problem as `<field>: <problem>`.
 */
export class InvalidRequestError extends ApiError {
  readonly code = 'invalid_request';
  override readonly status = 400;

  /** One line per problem, e.g. `interval: must be month or year`. */
  readonly details: readonly string[];

  constructor(details: readonly string[], options?: { cause?: unknown }) {
    super('The request is invalid; see details.', options);
    this.details = details;
  }
}

/** The plan key, or its interval, is not in the configured catalogue. */
export class UnknownPlanError extends ApiError {
  readonly code = 'unknown_plan';
  override readonly status = 400;

  constructor(planKey: string, interval?: string) {
    super(
      interval === undefined
        ? `There is no plan ${planKey}; GET /api/billing/config lists them.`
        : `Plan ${planKey} has no ${interval} price; ` +
            'GET /api/billing/config lists the offered intervals.',
    );
  }
}

/** The user already has a subscription; plan changes go through the portal. */
export class AlreadySubscribedError extends ApiError {
  readonly code = 'already_subscribed';
  override readonly status = 409;

  constructor() {
    super(
      'You already have a subscription; change it in the billing portal ' +
        '(POST /api/billing/portal).',
    );
  }
}

/** The user has no Stripe customer yet, so there is nothing to show. */
export class NoCustomerError extends ApiError {
  readonly code = 'no_customer';
  override readonly status = 404;

  constructor() {
    super('You have no billing account yet; start a checkout first.');
  }
}

/**
 * Another request of the same user is still setting up their Stripe
 * customer and did not finish in time; retrying shortly will succeed.
 */
export class CheckoutInProgressError extends ApiError {
  readonly code = 'checkout_in_progress';
  override readonly status = 409;

  constructor(options?: { cause?: unknown }) {
    super(
      'Another checkout of yours is being prepared; try again in a moment.',
      options,
    );
  }
}

/** The request body is not JSON (`Content-Type: application/json`). */
export class UnsupportedMediaTypeError extends ApiError {
  readonly code = 'unsupported_media_type';
  override readonly status = 415;

  constructor(options?: { cause?: unknown }) {
    super(
      'Send the request body as JSON with Content-Type: application/json.',
      options,
    );
  }
}

/** The request body is larger than the API reads. */
export class PayloadTooLargeError extends ApiError {
  readonly code = 'payload_too_large';
  override readonly status = 413;

  /** @param maxBytes the largest body accepted, in bytes */
  constructor(maxBytes: number) {
    super(`The request body must not exceed ${maxBytes} bytes.`);
  }
}
