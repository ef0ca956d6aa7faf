import { createRoute } from '@hono/zod-openapi';

import type { BillingApp } from '../billing-api-deps.js';
import { errorResponses, InvoiceListSchema } from '../schemas.js';
import { BEARER_SECURITY, type RouteServices } from './route-services.js';

/** How many invoices one answer lists, newest first. */
export const INVOICE_PAGE_SIZE = 24;

const route = createRoute({
  method: 'get',
  path: '/api/billing/invoices',
  tags: ['billing'],
  summary: "The caller's newest invoices, from Stripe.",
  security: BEARER_SECURITY,
  responses: {
    200: {
      description: 'Invoices, newest first; empty without a customer.',
      content: { 'application/json': { schema: InvoiceListSchema } },
    },
    ...errorResponses(401, 502, 503),
  },
});

/** `GET /api/billing/invoices`: the caller's own invoices only. */
export function registerInvoicesRoute(
  app: BillingApp,
  services: RouteServices,
) {
  app.use(route.path, services.requireUser);
  app.openapi(route, async (c) => {
    const { primaryCustomerId } = await services.finder.findCustomers(
      c.var.user.userId,
    );
    if (!primaryCustomerId) return c.json({ invoices: [] }, 200);

    const invoices = await services.stripe.listInvoices({
      customerId: primaryCustomerId,
      limit: INVOICE_PAGE_SIZE,
    });
    return c.json({ invoices }, 200);
  });
}
