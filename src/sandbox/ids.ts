import { randomBytes } from 'node:crypto';

const ALPHABET =
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random bytes drawn in batches: ids are made by the thousand. */
const POOL_SIZE = 8192;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

/** Random letters and digits, like the tail of a Stripe id. */
export function makeRandomToken(length: number): string {
  if (offset + length > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  let token = '';
  for (let index = 0; index < length; index += 1) {
    token += ALPHABET[(pool[offset + index] as number) % ALPHABET.length];
  }
  offset += length;
  return token;
}

/**
 * Makes a Stripe-style id with its prefix, e.g. `cus_` + 14 characters.
 * Checkout sessions use the longer `cs_test_` form Stripe uses.
 */
export function makeId(prefix: string, length = 24): string {
  return `${prefix}_${makeRandomToken(length)}`;
}
