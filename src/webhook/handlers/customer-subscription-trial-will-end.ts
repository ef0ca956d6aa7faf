import type { SubscriptionPayload } from '../snapshots/stripe-payloads.js';
import { idOf } from '../snapshots/stripe-payloads.js';
import type { EventHandler } from './event-handler.js';

/**
 * `customer.subscription.trial_will_end`: a reminder three days before a
 * trial ends. It changes no state (the later `updated` event does), so it is
 * only logged for whoever sends reminders.
 */
export const trialWillEndHandler: EventHandler = {
  type: 'customer.subscription.trial_will_end',
  handle: async (event, context) => {
    const subscription = event.data.object as unknown as SubscriptionPayload;
    context.logger.info('trial ends soon', {
      eventId: event.id,
      customerId: idOf(subscription.customer),
      subscriptionId: subscription.id,
      trialEnd: subscription.trial_end,
    });
    return 'ignored';
  },
};
