import { randomBytes } from 'node:crypto';

const ALPHABET =
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random letters and digits, like the tail of a Stripe id. */
export function makeRandomToken(length: number): string {
  const bytes = randomBytes(length);
  let token = '';
  for (const byte of bytes) token += ALPHABET[byte % ALPHABET.length];
  return token;
}

/**
 * Makes a Stripe-style id with its prefix, e.g. `cus_` + 14 characters.
 * Checkout sessions use the longer `cs_test_` form Stripe uses.
 */
export function makeId(prefix: string, length = 24): string {
  return `${prefix}_${makeRandomToken(length)}`;
}
