import type { Plan } from '../../domain/plan.js';
import { applySubscriptionEvent } from './apply-subscription-event.js';
import type { EventHandler } from './event-handler.js';

/** `customer.subscription.updated`: stores the subscription's new state. */
export function makeSubscriptionUpdatedHandler(
  plans: readonly Plan[],
): EventHandler {
  return {
    type: 'customer.subscription.updated',
    handle: (event, context) => applySubscriptionEvent(event, context, plans),
  };
}
