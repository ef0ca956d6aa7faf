import type Stripe from 'stripe';

import { fixtureTemplate } from '../fixtures/stripe-fixtures.js';
import { makeRandomToken } from '../ids.js';
import { ID_FIRST } from './id-first.js';

/** Checkout sessions stay open for 24 hours, as on Stripe (seconds). */
export const CHECKOUT_SESSION_LIFETIME_SECONDS = 24 * 60 * 60;

/** What a new subscription-mode checkout session is made of. */
export interface CheckoutSessionInput {
  readonly created: number;
  readonly baseUrl: string;
  readonly customer: string | null;
  readonly customerEmail: string | null;
  readonly clientReferenceId: string | null;
  readonly metadata: Record<string, string>;
  /** Where the buyer goes after paying; a confirmation page when null. */
  readonly successUrl: string | null;
  readonly cancelUrl: string | null;
  readonly allowPromotionCodes: boolean | null;
  readonly automaticTax: boolean;
  readonly currency: string;
  /** Sum of the line items, in cents. */
  readonly amountTotal: number;
}

/** Builds an open checkout session in subscription mode. */
export function buildCheckoutSession(
  input: CheckoutSessionInput,
): Stripe.Checkout.Session {
  const template = fixtureTemplate(
    'checkout.session',
  ) as unknown as Stripe.Checkout.Session;
  const id = `cs_test_${makeRandomToken(58)}`;
  return {
    ...ID_FIRST,
    ...template,
    id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: input.allowPromotionCodes,
    allowed_payment_method_types: null,
    amount_subtotal: input.amountTotal,
    amount_total: input.amountTotal,
    automatic_tax: {
      enabled: input.automaticTax,
      liability: input.automaticTax ? { type: 'self' } : null,
      provider: null,
      status: input.automaticTax ? 'complete' : null,
    },
    billing_address_collection: null,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: input.created,
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: input.customer,
    customer_account: null,
    customer_creation: input.customer ? null : 'always',
    customer_details: null,
    customer_email: input.customerEmail,
    discounts: [],
    expires_at: input.created + CHECKOUT_SESSION_LIFETIME_SECONDS,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: { ...input.metadata },
    mode: 'subscription',
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'always',
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: 'automatic' } },
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: input.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: `${input.baseUrl}/checkout/${id}`,
    wallet_options: null,
  };
}
