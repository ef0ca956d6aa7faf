import type { InvoicePaymentStatus } from '../../domain/customer-record.js';
import type { InvoiceSnapshot } from '../../domain/state-snapshot.js';
import { REJECT_REASONS, UnreadableObjectError } from '../errors.js';
import {
  ID_PREFIXES,
  isRecord,
  readAmount,
  readCount,
  readExpandableId,
  readId,
  readTime,
  userIdFromMetadata,
} from './stripe-fields.js';
import type { InvoicePayload } from './stripe-payloads.js';

type Fields = Record<string, unknown>;

const CURRENCY = /^[a-z]{3}$/;

/**
 * Normalizes an invoice of any API version. Its subscription is read from
 * `parent.subscription_details` (current versions) or `subscription`
 * (older ones). The payment status is derived from the invoice alone, so a
 * fetched invoice and an event's invoice are judged the same way: `open`
 * after a payment attempt means the payment failed. Ids, times and amounts
 * are validated (`stripe-fields.ts`), so the customer and invoice ids are
 * safe as storage keys and archive paths; an unusable field throws
 * `UnreadableObjectError`.
 */
export function toInvoiceSnapshot(invoice: InvoicePayload): InvoiceSnapshot {
  const fields = invoice as unknown as Fields;
  const customerId = readExpandableId(
    fields.customer,
    ID_PREFIXES.customer,
    'customer',
  );
  if (customerId === undefined) {
    throw new UnreadableObjectError(REJECT_REASONS.missingCustomer, 'customer');
  }
  const parent = isRecord(fields.parent) ? fields.parent : undefined;
  const details = isRecord(parent?.subscription_details)
    ? parent.subscription_details
    : undefined;
  const isBilledBySubscription = parent?.type === 'subscription_details';
  return {
    customerId,
    userId: userIdFromMetadata(details?.metadata),
    invoiceId: readId(fields.id, ID_PREFIXES.invoice, 'id'),
    subscriptionId: subscriptionIdOf(
      isBilledBySubscription ? details : undefined,
      fields.subscription,
    ),
    paymentStatus: paymentStatusOf(fields),
    amountDue: readAmount(fields.amount_due, 'amount_due') ?? 0,
    currency: currencyOf(fields.currency),
    created: readTime(fields.created, 'created'),
  };
}

function subscriptionIdOf(
  details: Fields | undefined,
  olderField: unknown,
): string | null {
  const fromParent = readExpandableId(
    details?.subscription,
    ID_PREFIXES.subscription,
    'parent.subscription_details.subscription',
  );
  return (
    fromParent ??
    readExpandableId(olderField, ID_PREFIXES.subscription, 'subscription') ??
    null
  );
}

function currencyOf(value: unknown): string {
  if (value === null || value === undefined) return 'usd';
  if (typeof value !== 'string' || !CURRENCY.test(value)) {
    throw new UnreadableObjectError(REJECT_REASONS.invalidShape, 'currency');
  }
  return value;
}

function paymentStatusOf(fields: Fields): InvoicePaymentStatus {
  switch (fields.status) {
    case 'paid':
      return 'paid';
    case 'void':
      return 'void';
    case 'uncollectible':
      return 'failed';
    default: {
      const attempts = readCount(fields.attempt_count, 'attempt_count') ?? 0;
      return attempts > 0 ? 'failed' : 'open';
    }
  }
}
