import { applyCheckoutSession } from './apply-checkout-session.js';
import type { EventHandler } from './event-handler.js';

/** `checkout.session.async_payment_failed`: a delayed payment method failed; the subscription's own events carry the resulting status; links customer and user. */
export const checkoutSessionAsyncPaymentFailedHandler: EventHandler = {
  type: 'checkout.session.async_payment_failed',
  handle: applyCheckoutSession,
};
