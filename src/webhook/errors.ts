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

/**
 * The event's object lacks a field the handler needs (e.g. no customer or
 * an unknown status). Retrying cannot help, so it is a 400 naming the event.
 */
export class UnreadableObjectError extends WebhookError {
  readonly code = 'unreadable_object';
  override readonly status = 400;

  constructor(what: string, problem: string) {
    super(`The ${what} in the event ${problem}.`);
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
