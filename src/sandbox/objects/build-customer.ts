import type Stripe from 'stripe';

import { withFixtureKeys } from '../fixtures/stripe-fixtures.js';
import { makeId, makeRandomToken } from '../ids.js';

/** What a new customer is made of. */
export interface CustomerInput {
  readonly created: number;
  readonly email?: string | null | undefined;
  readonly name?: string | null | undefined;
  readonly description?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly metadata?: Record<string, string> | undefined;
  readonly testClock?: string | null | undefined;
}

/** Builds a customer in Stripe's shape, with a fresh `cus_` id. */
export function buildCustomer(input: CustomerInput): Stripe.Customer {
  return withFixtureKeys('customer', {
    id: makeId('cus', 14),
    object: 'customer',
    address: null,
    balance: 0,
    created: input.created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: input.description ?? null,
    discount: null,
    email: input.email ?? null,
    invoice_prefix: makeRandomToken(8).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: { ...input.metadata },
    name: input.name ?? null,
    next_invoice_sequence: 1,
    phone: input.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: input.testClock ?? null,
  } satisfies Stripe.Customer as Stripe.Customer);
}
