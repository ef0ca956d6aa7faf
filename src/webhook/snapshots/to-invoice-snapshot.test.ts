import { describe, expect, it } from 'vitest';

import { currentObject, olderObject } from '../testing/stripe-fixtures.js';
import type { InvoicePayload } from './stripe-payloads.js';
import { toInvoiceSnapshot } from './to-invoice-snapshot.js';

describe('Function: toInvoiceSnapshot', () => {
  it('reads the subscription from parent.subscription_details', () => {
    const invoice = olderObject<InvoicePayload>('invoice.payment_failed');

    const snapshot = toInvoiceSnapshot(invoice);

    expect(snapshot).toMatchObject({
      customerId: 'cus_1234',
      invoiceId: 'in_1234',
      subscriptionId: 'sub_1234',
      paymentStatus: 'failed',
      amountDue: 24900,
    });
  });

  it('reads the top-level subscription of an older invoice', () => {
    const invoice = olderObject<InvoicePayload>(
      'invoice.payment_action_required',
    );

    const snapshot = toInvoiceSnapshot({ ...invoice, parent: null });

    expect(snapshot.subscriptionId).toBe('sub_1234');
  });

  it('ignores parent details of an invoice not billed by a subscription', () => {
    const invoice = currentObject<InvoicePayload>('invoice');

    const snapshot = toInvoiceSnapshot(invoice);

    expect(snapshot).toMatchObject({
      invoiceId: 'in_1Pgc6tB7WZ01zgkWu9fdqL6I',
      subscriptionId: null,
      paymentStatus: 'open',
    });
  });

  it('reports a paid invoice as paid', () => {
    const invoice = currentObject<InvoicePayload>('invoice');

    const snapshot = toInvoiceSnapshot({ ...invoice, status: 'paid' });

    expect(snapshot.paymentStatus).toBe('paid');
  });
});
