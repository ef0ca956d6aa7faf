import { applyInvoiceEvent } from './apply-invoice-event.js';
import type { EventHandler } from './event-handler.js';

/** `invoice.payment_failed`: a payment attempt failed; archived and stored. */
export const invoicePaymentFailedHandler: EventHandler = {
  type: 'invoice.payment_failed',
  handle: applyInvoiceEvent,
};
