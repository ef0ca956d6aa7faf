import type { CustomerPayload } from '../snapshots/stripe-payloads.js';
import { fromDeletedCustomer } from '../snapshots/to-customer-snapshot.js';
import type { EventHandler } from './event-handler.js';

/**
 * `customer.deleted`: marks the record deleted; its subscriptions stay
 * stored (Stripe sends their own `deleted` events).
 */
export const customerDeletedHandler: EventHandler = {
  type: 'customer.deleted',
  handle: (event, context) => {
    const customer = event.data.object as unknown as CustomerPayload;
    return context.updater.applyCustomer(fromDeletedCustomer(customer));
  },
};
