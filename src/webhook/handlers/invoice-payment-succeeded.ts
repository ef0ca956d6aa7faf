import { applyInvoiceEvent } from './apply-invoice-event.js';
import type { EventHandler } from './event-handler.js';

/** `invoice.payment_succeeded`: a payment of the invoice succeeded; archived and stored. */
export const invoicePaymentSucceededHandler: EventHandler = {
  type: 'invoice.payment_succeeded',
  handle: applyInvoiceEvent,
};
