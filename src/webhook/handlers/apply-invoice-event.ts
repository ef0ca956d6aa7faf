import type Stripe from 'stripe';

import { hasIgnoredUserId } from '../snapshots/stripe-fields.js';
import type { InvoicePayload } from '../snapshots/stripe-payloads.js';
import { toInvoiceSnapshot } from '../snapshots/to-invoice-snapshot.js';
import type { EventOutcome } from '../webhook-metrics.js';
import {
  type HandlerContext,
  refOf,
  warnIgnoredUserId,
} from './event-handler.js';

/**
 * Archives the invoice an event carries (S3, newest report kept), then
 * applies it as the customer's latest invoice under the timeline rules.
 * The invoice is validated first (its customer and invoice ids become the
 * archive path), so an unusable one writes nothing. The archive comes first: when it fails, nothing is marked done and
 * Stripe's retry archives it again.
 */
export async function applyInvoiceEvent(
  event: Stripe.Event,
  context: HandlerContext,
): Promise<EventOutcome> {
  const payload = event.data.object as unknown as InvoicePayload;
  const snapshot = toInvoiceSnapshot(payload);
  if (hasIgnoredUserId(payload.parent?.subscription_details?.metadata)) {
    warnIgnoredUserId(
      event,
      context,
      'parent.subscription_details.metadata.userId',
    );
  }

  await context.archive.archiveInvoice({
    customerId: snapshot.customerId,
    invoiceId: snapshot.invoiceId,
    invoice: payload,
    eventId: event.id,
    eventCreated: event.created,
  });
  return context.updater.applyInvoice(snapshot, refOf(event));
}
