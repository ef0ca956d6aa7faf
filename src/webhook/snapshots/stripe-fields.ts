import { REJECT_REASONS, UnreadableObjectError } from '../errors.js';

/**
 * Readers of the single fields the webhook takes from Stripe objects. The
 * event is verified, but its object is still data: every field is checked
 * here, at the edge, before it becomes a storage key, an S3 path or a stored
 * time. A field Stripe never sends in this form throws
 * {@link UnreadableObjectError}; optional user facts (user id, email) that
 * are malformed are treated as absent instead.
 */

/** Id prefixes of the Stripe objects the webhook reads, as Stripe names them. */
export const ID_PREFIXES = {
  customer: 'cus',
  subscription: 'sub',
  invoice: 'in',
  event: 'evt',
  checkoutSession: 'cs',
} as const;

/** A prefix of {@link ID_PREFIXES}. */
export type IdPrefix = (typeof ID_PREFIXES)[keyof typeof ID_PREFIXES];

/** Latest time accepted, in seconds since the epoch (2^32, year 2106). */
export const MAX_EPOCH_SECONDS = 2 ** 32;

/** Longest user id accepted, in characters. */
export const MAX_USER_ID_LENGTH = 256;

const ID_BODY = /^[A-Za-z0-9_]{1,250}$/;
/** Prices (`price_...`) and the plans of older API versions (any id). */
const PRICE_ID = /^[A-Za-z0-9_.-]{1,250}$/;
const CONTROL_CHARACTER = /\p{Cc}/u;
const EMAIL_MAX_LENGTH = 512;

/** Whether `value` is an id of the given kind: `<prefix>_` and 1-250 of `[A-Za-z0-9_]`. */
export function isStripeId(value: unknown, prefix: IdPrefix): value is string {
  return (
    typeof value === 'string' &&
    value.startsWith(`${prefix}_`) &&
    ID_BODY.test(value.slice(prefix.length + 1))
  );
}

/** The id in `value`; throws `invalid_id` naming `field` otherwise. */
export function readId(
  value: unknown,
  prefix: IdPrefix,
  field: string,
): string {
  if (!isStripeId(value, prefix)) {
    throw new UnreadableObjectError(REJECT_REASONS.invalidId, field);
  }
  return value;
}

/**
 * The id of an expandable field (an id or an object carrying it);
 * undefined when the field is null or absent.
 */
export function readExpandableId(
  value: unknown,
  prefix: IdPrefix,
  field: string,
): string | undefined {
  if (value === null || value === undefined) return undefined;
  const id = isRecord(value) ? value.id : value;
  return readId(id, prefix, field);
}

/** A price or plan id; throws `invalid_id` otherwise. */
export function readPriceId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !PRICE_ID.test(value)) {
    throw new UnreadableObjectError(REJECT_REASONS.invalidId, field);
  }
  return value;
}

/** A time in whole seconds within 0..2^32; throws `invalid_time` otherwise. */
export function readTime(value: unknown, field: string): number {
  const isTime =
    Number.isSafeInteger(value) &&
    (value as number) >= 0 &&
    (value as number) <= MAX_EPOCH_SECONDS;
  if (!isTime) {
    throw new UnreadableObjectError(REJECT_REASONS.invalidTime, field);
  }
  return value as number;
}

/** Like {@link readTime}, with null or absent read as null. */
export function readOptionalTime(value: unknown, field: string): number | null {
  return value === null || value === undefined ? null : readTime(value, field);
}

/** A boolean, null or absent read as false; throws otherwise. */
export function readFlag(value: unknown, field: string): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new UnreadableObjectError(REJECT_REASONS.invalidBoolean, field);
  }
  return value;
}

/** A non-negative whole number; undefined when null or absent. */
export function readCount(value: unknown, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new UnreadableObjectError(REJECT_REASONS.invalidQuantity, field);
  }
  return value as number;
}

/** A whole amount in the currency's smallest unit; undefined when absent. */
export function readAmount(value: unknown, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isSafeInteger(value)) {
    throw new UnreadableObjectError(REJECT_REASONS.invalidAmount, field);
  }
  return value as number;
}

/**
 * A user id: a trimmed, non-empty string of at most 256 characters without
 * control characters. Anything else (a number, an array, an empty string)
 * is read as no user id: {@link isIgnoredUserId} tells the caller to log it.
 */
export function readUserId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const userId = value.trim();
  const isUsable =
    userId.length > 0 &&
    userId.length <= MAX_USER_ID_LENGTH &&
    !CONTROL_CHARACTER.test(userId);
  return isUsable ? userId : undefined;
}

/** Whether a user id field is present but not usable (worth a log line). */
export function isIgnoredUserId(value: unknown): boolean {
  const isAbsent = value === null || value === undefined || value === '';
  return !isAbsent && readUserId(value) === undefined;
}

/** Whether a metadata object carries a `userId` that is not usable. */
export function hasIgnoredUserId(metadata: unknown): boolean {
  return isRecord(metadata) && isIgnoredUserId(metadata.userId);
}

/** The `userId` of a metadata object; undefined when absent or unusable. */
export function userIdFromMetadata(metadata: unknown): string | undefined {
  return isRecord(metadata) ? readUserId(metadata.userId) : undefined;
}

/** An email as a plain string; anything else is read as no email. */
export function readEmail(value: unknown): string | undefined {
  const isUsable =
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= EMAIL_MAX_LENGTH &&
    !CONTROL_CHARACTER.test(value);
  return isUsable ? value : undefined;
}

/** Whether `value` is a non-array object whose fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object in `value`; throws `invalid_shape` naming `field` otherwise. */
export function readRecord(
  value: unknown,
  field: string,
): Record<string, unknown> {
  if (!isRecord(value)) {
    throw new UnreadableObjectError(REJECT_REASONS.invalidShape, field);
  }
  return value;
}
