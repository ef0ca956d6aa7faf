import type Stripe from 'stripe';

import { resourceMissing } from '../errors.js';
import { idSequence, paginate } from '../http/paginate.js';
import { respond } from '../http/respond.js';
import type { SandboxApp } from '../http/sandbox-env.js';
import type { SandboxContext } from '../sandbox-context.js';

/** `/v1/invoices`: retrieve, list (by customer, subscription, status), lines. */
export function registerInvoiceRoutes(
  app: SandboxApp,
  context: SandboxContext,
): void {
  const state = context.state;
  const find = (id: string) => {
    const invoice = state.invoices.get(id);
    if (!invoice) throw resourceMissing('invoice', id);
    return invoice;
  };

  app.get('/v1/invoices/:id', (c) =>
    respond(c, context, find(c.req.param('id'))),
  );

  app.get('/v1/invoices/:id/lines', (c) =>
    respond(c, context, find(c.req.param('id')).lines),
  );

  app.get('/v1/invoices', (c) => {
    const reader = c.get('reader');
    const customer = reader.string('customer');
    const subscription = reader.string('subscription');
    const status = reader.string('status');
    const lookup = (id: string) => state.invoices.get(id);
    const source = subscription
      ? idSequence(state.invoicesBySubscription.get(subscription), lookup)
      : customer
        ? idSequence(state.invoicesByCustomer.get(customer), lookup)
        : state.invoices;
    const page = paginate(source, reader, '/v1/invoices', (invoice) =>
      matches(invoice, customer, status),
    );
    return respond(c, context, page);
  });
}

function matches(
  invoice: Stripe.Invoice,
  customer: string | null | undefined,
  status: string | null | undefined,
): boolean {
  return (
    (!customer || invoice.customer === customer) &&
    (!status || invoice.status === status)
  );
}
