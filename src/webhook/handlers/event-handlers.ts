import type { Plan } from '../../domain/plan.js';
import { checkoutSessionAsyncPaymentFailedHandler } from './checkout-session-async-payment-failed.js';
import { checkoutSessionAsyncPaymentSucceededHandler } from './checkout-session-async-payment-succeeded.js';
import { checkoutSessionCompletedHandler } from './checkout-session-completed.js';
import { customerDeletedHandler } from './customer-deleted.js';
import { makeSubscriptionCreatedHandler } from './customer-subscription-created.js';
import { makeSubscriptionDeletedHandler } from './customer-subscription-deleted.js';
import { trialWillEndHandler } from './customer-subscription-trial-will-end.js';
import { makeSubscriptionUpdatedHandler } from './customer-subscription-updated.js';
import type { EventHandler } from './event-handler.js';
import { invoicePaidHandler } from './invoice-paid.js';
import { invoicePaymentFailedHandler } from './invoice-payment-failed.js';
import { invoicePaymentSucceededHandler } from './invoice-payment-succeeded.js';

/**
 * The handlers of every event type the webhook acts on, by type. Any other
 * verified event is acknowledged with 2xx and logged.
 */
export function makeEventHandlers(
  plans: readonly Plan[],
): ReadonlyMap<string, EventHandler> {
  const handlers: EventHandler[] = [
    checkoutSessionCompletedHandler,
    checkoutSessionAsyncPaymentSucceededHandler,
    checkoutSessionAsyncPaymentFailedHandler,
    makeSubscriptionCreatedHandler(plans),
    makeSubscriptionUpdatedHandler(plans),
    makeSubscriptionDeletedHandler(plans),
    trialWillEndHandler,
    invoicePaymentSucceededHandler,
    invoicePaidHandler,
    invoicePaymentFailedHandler,
    customerDeletedHandler,
  ];
  return new Map(handlers.map((handler) => [handler.type, handler]));
}
