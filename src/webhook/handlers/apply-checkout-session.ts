import type Stripe from 'stripe';

import type { CheckoutSessionPayload } from '../snapshots/stripe-payloads.js';
import {
  fromCheckoutSession,
  ignoredUserIdFields,
} from '../snapshots/to-customer-snapshot.js';
import type { EventOutcome } from '../webhook-metrics.js';
import { type HandlerContext, warnIgnoredUserId } from './event-handler.js';

/**
 * Links the session's customer to the user the billing API put in
 * `client_reference_id` (or `metadata.userId`). Subscription state comes
 * from the subscription's own events. A session without a customer has
 * nothing to link and is ignored.
 */
export async function applyCheckoutSession(
  event: Stripe.Event,
  context: HandlerContext,
): Promise<EventOutcome> {
  const session = event.data.object as unknown as CheckoutSessionPayload;
  const snapshot = fromCheckoutSession(session);
  for (const field of ignoredUserIdFields(session)) {
    warnIgnoredUserId(event, context, field);
  }
  if (snapshot === undefined) {
    context.logger.info('checkout session without a customer', {
      eventId: event.id,
      checkoutSessionId: session.id,
    });
    return 'ignored';
  }
  return context.updater.applyCustomer(snapshot);
}
