import { applyCheckoutSession } from './apply-checkout-session.js';
import type { EventHandler } from './event-handler.js';

/** `checkout.session.completed`: the customer finished checkout; links customer and user. */
export const checkoutSessionCompletedHandler: EventHandler = {
  type: 'checkout.session.completed',
  handle: applyCheckoutSession,
};
