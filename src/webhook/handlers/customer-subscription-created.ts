import type { Plan } from '../../domain/plan.js';
import { applySubscriptionEvent } from './apply-subscription-event.js';
import type { EventHandler } from './event-handler.js';

/** `customer.subscription.created`: stores the subscription's new state. */
export function makeSubscriptionCreatedHandler(
  plans: readonly Plan[],
): EventHandler {
  return {
    type: 'customer.subscription.created',
    handle: (event, context) => applySubscriptionEvent(event, context, plans),
  };
}
