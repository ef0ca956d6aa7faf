import { applyCheckoutSession } from './apply-checkout-session.js';
import type { EventHandler } from './event-handler.js';

/** `checkout.session.async_payment_succeeded`: a delayed payment method (e.g. a bank debit) succeeded; links customer and user. */
export const checkoutSessionAsyncPaymentSucceededHandler: EventHandler = {
  type: 'checkout.session.async_payment_succeeded',
  handle: applyCheckoutSession,
};
