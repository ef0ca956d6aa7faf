import type Stripe from 'stripe';

import { withFixtureKeys } from '../fixtures/stripe-fixtures.js';
import { makeId } from '../ids.js';
import { toWireDecimal } from './wire-decimal.js';

/** One line of a subscription invoice: an item billed for a period. */
export interface InvoiceLineInput {
  readonly item: Stripe.SubscriptionItem;
  /** Amount in cents for the whole line (0 during a trial). */
  readonly amount: number;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly description: string;
}

/** What a new subscription invoice is made of. */
export interface InvoiceInput {
  readonly created: number;
  readonly customer: Stripe.Customer;
  readonly subscription: Stripe.Subscription;
  readonly billingReason: Stripe.Invoice.BillingReason;
  readonly lines: readonly InvoiceLineInput[];
  /** Base URL of the sandbox, for `hosted_invoice_url` and `invoice_pdf`. */
  readonly baseUrl: string;
}

/** Builds a draft subscription invoice in Stripe's current shape. */
export function buildInvoice(input: InvoiceInput): Stripe.Invoice {
  const id = makeId('in', 24);
  const subscription = input.subscription;
  const lines = input.lines.map((line) =>
    buildInvoiceLine(id, subscription, line),
  );
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const customer = input.customer;
  return withFixtureKeys('invoice', {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: 'Sandbox',
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: {
      enabled: false,
      disabled_reason: null,
      liability: null,
      provider: null,
      status: null,
    },
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: 'charge_automatically',
    created: input.created,
    currency: subscription.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: customer.email ?? null,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: `${input.baseUrl}/invoices/${id}`,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: {
      object: 'list',
      data: lines,
      has_more: false,
      url: `/v1/invoices/${id}/lines`,
    },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: {
        metadata: { ...subscription.metadata },
        subscription: subscription.id,
      },
    },
    payment_settings: {
      default_mandate: null,
      payment_method_options: null,
      payment_method_types: null,
    },
    period_end: input.created,
    period_start: input.created,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: {
      finalized_at: null,
      marked_uncollectible_at: null,
      paid_at: null,
      voided_at: null,
    },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: subscription.test_clock,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  } satisfies Stripe.Invoice as Stripe.Invoice);
}

function buildInvoiceLine(
  invoiceId: string,
  subscription: Stripe.Subscription,
  line: InvoiceLineInput,
): Stripe.InvoiceLineItem {
  const price = line.item.price;
  return withFixtureKeys('line_item', {
    id: makeId('il', 24),
    object: 'line_item',
    amount: line.amount,
    currency: price.currency,
    description: line.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: {},
    parent: {
      type: 'subscription_item_details',
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: subscription.id,
        subscription_item: line.item.id,
      },
    },
    period: { start: line.periodStart, end: line.periodEnd },
    pretax_credit_amounts: [],
    pricing: {
      type: 'price_details',
      price_details: {
        price: price.id,
        product: price.product as string,
      },
      unit_amount_decimal: toWireDecimal(price.unit_amount ?? 0),
    },
    quantity: line.item.quantity ?? 1,
    quantity_decimal: toWireDecimal(line.item.quantity ?? 1),
    subscription: subscription.id,
    subtotal: line.amount,
    taxes: [],
  } satisfies Stripe.InvoiceLineItem as Stripe.InvoiceLineItem);
}
