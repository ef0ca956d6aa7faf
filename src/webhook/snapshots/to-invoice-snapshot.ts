import type { InvoicePaymentStatus } from '../../domain/customer-record.js';
import type { InvoiceSnapshot } from '../../domain/state-snapshot.js';
import { UnreadableObjectError } from '../errors.js';
import { type InvoicePayload, idOf, userIdOf } from './stripe-payloads.js';

/**
 * Normalizes an invoice of any API version. Its subscription is read from
 * `parent.subscription_details` (current versions) or `subscription`
 * (older ones). The payment status is derived from the invoice alone, so a
 * fetched invoice and an event's invoice are judged the same way: `open`
 * after a payment attempt means the payment failed.
 */
export function toInvoiceSnapshot(invoice: InvoicePayload): InvoiceSnapshot {
  const customerId = idOf(invoice.customer);
  if (customerId === undefined) {
    throw new UnreadableObjectError(
      `invoice ${invoice.id}`,
      'names no customer',
    );
  }

  const details = invoice.parent?.subscription_details;
  const fromParent =
    invoice.parent?.type === 'subscription_details'
      ? idOf(details?.subscription)
      : undefined;
  return {
    customerId,
    userId: userIdOf(details?.metadata),
    invoiceId: invoice.id,
    subscriptionId: fromParent ?? idOf(invoice.subscription) ?? null,
    paymentStatus: paymentStatusOf(invoice),
    amountDue: invoice.amount_due ?? 0,
    currency: invoice.currency ?? 'usd',
    created: invoice.created,
  };
}

function paymentStatusOf(invoice: InvoicePayload): InvoicePaymentStatus {
  switch (invoice.status) {
    case 'paid':
      return 'paid';
    case 'void':
      return 'void';
    case 'uncollectible':
      return 'failed';
    default:
      return (invoice.attempt_count ?? 0) > 0 ? 'failed' : 'open';
  }
}
