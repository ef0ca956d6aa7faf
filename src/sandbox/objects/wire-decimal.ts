import type Stripe from 'stripe';

/** The SDK's type of decimal fields such as `unit_amount_decimal`. */
export type WireDecimal = NonNullable<Stripe.Price['unit_amount_decimal']>;

/**
 * A decimal amount as Stripe sends it on the wire: a string of digits. The
 * SDK types such fields as its branded `Decimal` and converts them itself.
 */
export function toWireDecimal(amount: number): WireDecimal {
  return String(amount) as unknown as WireDecimal;
}
