import type Stripe from 'stripe';

import { resourceMissing, type SandboxApiError } from '../errors.js';
import {
  buildInvoice,
  type InvoiceLineInput,
} from '../objects/build-invoice.js';
import type { SandboxContext } from '../sandbox-context.js';
import { chargeCard } from './test-cards.js';

/** What an invoice is for: its subscription, reason and lines. */
export interface InvoiceRequest {
  readonly subscription: Stripe.Subscription;
  readonly billingReason: Stripe.Invoice.BillingReason;
  readonly lines: readonly InvoiceLineInput[];
  /** Unix seconds of the invoice (test-clock time when clocked). */
  readonly at: number;
}

/** Lines billing every item of a subscription for its current period. */
export function linesForPeriod(
  context: SandboxContext,
  subscription: Stripe.Subscription,
  isTrial: boolean,
): InvoiceLineInput[] {
  return subscription.items.data.map((item) => {
    const quantity = item.quantity ?? 1;
    const product = context.state.products.get(item.price.product as string);
    const name = product?.name ?? 'subscription';
    const amount = isTrial ? 0 : (item.price.unit_amount ?? 0) * quantity;
    return {
      item,
      amount,
      periodStart: item.current_period_start,
      periodEnd: item.current_period_end,
      description: isTrial
        ? `Trial period for ${name}`
        : `${quantity} × ${name} (at ${formatAmount(item.price)})`,
    };
  });
}

function formatAmount(price: Stripe.Price): string {
  const amount = ((price.unit_amount ?? 0) / 100).toFixed(2);
  const interval = price.recurring?.interval ?? 'once';
  return `${amount} ${price.currency.toUpperCase()} / ${interval}`;
}

/**
 * Creates a draft subscription invoice without telling anyone yet, so the
 * subscription can name it before its own event is recorded.
 */
export function draftInvoice(
  context: SandboxContext,
  request: InvoiceRequest,
): Stripe.Invoice {
  const customerId = request.subscription.customer as string;
  const customer = context.state.customers.get(customerId);
  if (!customer) throw resourceMissing('customer', customerId, 'customer');
  const invoice = buildInvoice({
    created: request.at,
    customer,
    subscription: request.subscription,
    billingReason: request.billingReason,
    lines: request.lines,
    baseUrl: context.baseUrl,
  });
  context.state.addInvoice(invoice);
  return invoice;
}

/**
 * Announces a draft invoice and finalizes it at once, recording
 * `invoice.created` then `invoice.finalized`.
 */
export function finalizeInvoice(
  context: SandboxContext,
  invoice: Stripe.Invoice,
  at: number,
): void {
  context.events.record('invoice.created', invoice, { created: at });
  const customer = context.state.customers.get(invoice.customer as string);
  const sequence = customer?.next_invoice_sequence ?? 1;
  if (customer) customer.next_invoice_sequence = sequence + 1;
  const prefix = customer?.invoice_prefix ?? 'SANDBOX';
  invoice.number = `${prefix}-${String(sequence).padStart(4, '0')}`;
  invoice.status = 'open';
  invoice.effective_at = at;
  invoice.status_transitions.finalized_at = at;
  invoice.webhooks_delivered_at = at;
  context.events.record('invoice.finalized', invoice, { created: at });
}

/**
 * Tries to collect an open invoice with the customer's saved card.
 * Records `invoice.paid` and `invoice.payment_succeeded`, or
 * `invoice.payment_failed`; answers the card error on failure.
 * `nextAttemptAt` (unix seconds) is when a failed payment is retried.
 */
export function payInvoice(
  context: SandboxContext,
  invoice: Stripe.Invoice,
  at: number,
  nextAttemptAt: number | null = null,
): SandboxApiError | undefined {
  const failure =
    invoice.amount_due === 0
      ? undefined
      : chargeCard(
          context.state.cards.get(invoice.customer as string)?.behaviour,
          invoice.billing_reason === 'subscription_create',
        );
  invoice.attempted = true;
  if (invoice.amount_due > 0) invoice.attempt_count += 1;
  if (failure) {
    invoice.next_payment_attempt = nextAttemptAt;
    context.events.record('invoice.payment_failed', invoice, { created: at });
    return failure;
  }
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = at;
  context.events.record('invoice.paid', invoice, { created: at });
  context.events.record('invoice.payment_succeeded', invoice, { created: at });
  return undefined;
}
