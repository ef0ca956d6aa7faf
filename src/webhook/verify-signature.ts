import Stripe from 'stripe';

import {
  NotAnEventError,
  SignatureMissingError,
  SignatureVerificationFailedError,
} from './errors.js';

/** Stripe's default tolerance on the signature timestamp, in seconds. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Options of {@link verifyEvent}. */
export interface VerifyOptions {
  /** Signing secrets accepted now: current first, then previous ones. */
  readonly secrets: readonly string[];
  /** Age limit of the signature timestamp in seconds; default 300. */
  readonly toleranceSeconds?: number;
  /** Time of receipt, milliseconds since the epoch; default now. */
  readonly receivedAtMs?: number;
}

/**
 * Verifies the `Stripe-Signature` header over the exact raw bytes with the
 * official SDK, trying each accepted secret (rotation), then checks that
 * the body is an event. Throws {@link SignatureMissingError},
 * {@link SignatureVerificationFailedError} (with the SDK's one-line reason)
 * or {@link NotAnEventError}.
 */
export function verifyEvent(
  payload: Uint8Array,
  header: string | undefined,
  options: VerifyOptions,
): Stripe.Event {
  if (header === undefined || header.trim() === '') {
    throw new SignatureMissingError();
  }

  // Keeps the most telling failure: a stale timestamp or malformed header
  // says more than "no matching signature" from the other secrets.
  let firstFailure: Stripe.errors.StripeSignatureVerificationError | undefined;
  for (const secret of options.secrets) {
    try {
      const event = Stripe.webhooks.constructEvent(
        payload,
        header,
        secret,
        options.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS,
        undefined,
        options.receivedAtMs,
      );
      return checkEventShape(event);
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) {
        throw new NotAnEventError('it is not valid JSON', { cause: error });
      }
      if (firstFailure === undefined || isMismatch(firstFailure)) {
        firstFailure = error;
      }
    }
  }
  throw new SignatureVerificationFailedError(
    reasonOf(firstFailure),
    firstFailure ? { cause: firstFailure } : undefined,
  );
}

function isMismatch(error: Error): boolean {
  return error.message.startsWith('No signatures found matching');
}

/** The first line of the SDK's message, without a trailing period. */
function reasonOf(
  error: Stripe.errors.StripeSignatureVerificationError | undefined,
): string {
  if (error === undefined) return 'no signing secret is configured';
  const firstLine = error.message.split('\n')[0] ?? '';
  const sentence = firstLine.split('. ')[0] ?? firstLine;
  return sentence.replace(/\.$/, '').trim() || 'signature mismatch';
}

function checkEventShape(value: unknown): Stripe.Event {
  const event = value as Partial<Record<string, unknown>> | null;
  if (typeof event !== 'object' || event === null) {
    throw new NotAnEventError('it is not a JSON object');
  }
  if (event.object !== 'event' || typeof event.id !== 'string') {
    throw new NotAnEventError('it has no event id');
  }
  if (typeof event.type !== 'string' || typeof event.created !== 'number') {
    throw new NotAnEventError('it has no type or created time');
  }
  if (typeof event.livemode !== 'boolean') {
    throw new NotAnEventError('it has no livemode flag');
  }
  const data = event.data as { object?: unknown } | undefined;
  if (typeof data?.object !== 'object' || data.object === null) {
    throw new NotAnEventError('it carries no data object');
  }
  return value as Stripe.Event;
}
