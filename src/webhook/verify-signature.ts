import Stripe from 'stripe';

import {
  NotAnEventError,
  SignatureMissingError,
  SignatureVerificationFailedError,
} from './errors.js';
import {
  ID_PREFIXES,
  isRecord,
  isStripeId,
  MAX_EPOCH_SECONDS,
} from './snapshots/stripe-fields.js';

/** Stripe's event type form: dotted lower-case words, e.g. `invoice.paid`. */
const EVENT_TYPE = /^[a-z0-9_]+(\.[a-z0-9_]+){0,5}$/;

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
      if (error instanceof NotAnEventError) throw error;
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

/**
 * Checks the envelope of a verified body. The id and `created` become the
 * ledger's key and timeline, so they must have Stripe's form: `evt_` and
 * `[A-Za-z0-9_]`, and whole seconds within 0..2^32.
 */
function checkEventShape(value: unknown): Stripe.Event {
  if (!isRecord(value)) {
    throw new NotAnEventError('it is not a JSON object');
  }
  if (value.object !== 'event') {
    throw new NotAnEventError('its object is not "event"');
  }
  if (!isStripeId(value.id, ID_PREFIXES.event)) {
    throw new NotAnEventError('its id is not an event id (evt_...)');
  }
  if (!isEventType(value.type)) {
    throw new NotAnEventError('its type is not an event type');
  }
  if (!isEpochSeconds(value.created)) {
    throw new NotAnEventError('its created time is not in whole seconds');
  }
  if (typeof value.livemode !== 'boolean') {
    throw new NotAnEventError('it has no livemode flag');
  }
  if (!isRecord(value.data) || !isRecord(value.data.object)) {
    throw new NotAnEventError('it carries no data object');
  }
  return value as unknown as Stripe.Event;
}

function isEventType(value: unknown): boolean {
  return (
    typeof value === 'string' && value.length <= 100 && EVENT_TYPE.test(value)
  );
}

function isEpochSeconds(value: unknown): boolean {
  return (
    Number.isSafeInteger(value) &&
    (value as number) >= 0 &&
    (value as number) <= MAX_EPOCH_SECONDS
  );
}
