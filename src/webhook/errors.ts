import { AppError } from '../shared/app-error.js';

/** The family of errors of the webhook service. */
export abstract class WebhookError extends AppError {}

/** The request has no `Stripe-Signature` header. */
export class SignatureMissingError extends WebhookError {
  readonly code = 'signature_missing';
  override readonly status = 400;

  constructor() {
    super('The Stripe-Signature header is missing.');
  }
}

/**
 * The signature did not verify with any accepted signing secret. `reason`
 * is one line from the official SDK's check (malformed header, timestamp
 * outside the tolerance, or no matching signature); it never holds a secret.
 */
export class SignatureVerificationFailedError extends WebhookError {
  readonly code = 'signature_invalid';
  override readonly status = 400;

  constructor(reason: string, options?: { cause?: unknown }) {
    super(`The Stripe-Signature header did not verify: ${reason}.`, options);
  }
}

/** The verified body is not a Stripe event. */
export class NotAnEventError extends WebhookError {
  readonly code = 'not_an_event';
  override readonly status = 400;

  constructor(reason: string, options?: { cause?: unknown }) {
    super(`The body is not a Stripe event: ${reason}.`, options);
  }
}

/**
 * The event's `livemode` disagrees with the mode of the configured keys:
 * the endpoint is wired to the wrong Stripe mode. Refused, nothing written.
 */
export class LivemodeMismatchError extends WebhookError {
  readonly code = 'livemode_mismatch';
  override readonly status = 400;

  constructor(eventId: string, configuredMode: 'test' | 'live') {
    super(
      `Event ${eventId} is not a ${configuredMode}-mode event, but the ` +
        `configured keys are ${configuredMode}-mode keys; check the endpoint.`,
    );
  }
}

/** Why a verified event's object was rejected, as recorded in the ledger. */
export const REJECT_REASONS = {
  missingCustomer: 'missing_customer',
  invalidId: 'invalid_id',
  invalidTime: 'invalid_time',
  invalidBoolean: 'invalid_boolean',
  invalidQuantity: 'invalid_quantity',
  invalidAmount: 'invalid_amount',
  invalidStatus: 'invalid_status',
  invalidShape: 'invalid_shape',
} as const;

/** A reason of {@link REJECT_REASONS}. */
export type RejectReason = (typeof REJECT_REASONS)[keyof typeof REJECT_REASONS];

/**
 * A verified event's object carries a field the webhook cannot use (no
 * customer, an id not in Stripe's form, a time out of range, ...). Stripe
 * never sends such objects and retrying cannot change them, so the event
 * processor records the event as `rejected` and answers 200 instead of
 * letting this error reach a route. `field` names the offending field; the
 * value itself is never put in the message (it may be huge or hostile).
 */
export class UnreadableObjectError extends WebhookError {
  readonly code = 'unreadable_object';
  override readonly status = 400;
  readonly reason: RejectReason;
  readonly field: string;

  constructor(reason: RejectReason, field: string) {
    super(`The event's object has an unusable ${field} (${reason}).`);
    this.reason = reason;
    this.field = field;
  }
}

/** The request body is larger than the webhook accepts. */
export class PayloadTooLargeError extends WebhookError {
  readonly code = 'payload_too_large';
  override readonly status = 413;

  constructor(maxBytes: number) {
    super(`The body is larger than ${maxBytes} bytes.`);
  }
}

/**
 * Concurrent writes on one customer kept winning over this event's write
 * after every retry. A 503 makes Stripe deliver the event again later.
 */
export class CustomerContentionError extends WebhookError {
  readonly code = 'customer_contention';
  override readonly status = 503;
  override readonly isExposed = false;

  constructor(
    customerId: string,
    attempts: number,
    options?: { cause?: unknown },
  ) {
    super(
      `Customer ${customerId} changed during each of ${attempts} attempts; ` +
        'the event will be processed on its next delivery.',
      options,
    );
  }
}
