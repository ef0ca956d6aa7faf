import { applyInvoiceEvent } from './apply-invoice-event.js';
import type { EventHandler } from './event-handler.js';

/** `invoice.paid`: the invoice is paid (by payment or out of band); archived and stored. */
export const invoicePaidHandler: EventHandler = {
  type: 'invoice.paid',
  handle: applyInvoiceEvent,
};
