import type { Plan } from '../../domain/plan.js';
import { applySubscriptionEvent } from './apply-subscription-event.js';
import type { EventHandler } from './event-handler.js';

/** `customer.subscription.deleted`: stores the subscription's new state. */
export function makeSubscriptionDeletedHandler(
  plans: readonly Plan[],
): EventHandler {
  return {
    type: 'customer.subscription.deleted',
    handle: (event, context) => applySubscriptionEvent(event, context, plans),
  };
}
