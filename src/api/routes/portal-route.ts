import { createRoute } from '@hono/zod-openapi';

import type { BillingApp } from '../billing-api-deps.js';
import { NoCustomerError } from '../errors.js';
import { errorResponses, PortalSessionSchema } from '../schemas.js';
import { BEARER_SECURITY, type RouteServices } from './route-services.js';

const route = createRoute({
  method: 'post',
  path: '/api/billing/portal',
  tags: ['billing'],
  summary: "Opens Stripe's billing portal for the caller's own customer.",
  security: BEARER_SECURITY,
  responses: {
    200: {
      description: 'The portal session; send the browser to its url.',
      content: { 'application/json': { schema: PortalSessionSchema } },
    },
    ...errorResponses(401, 404, 502, 503),
  },
});

/**
 * `POST /api/billing/portal`: a portal session of the caller's customer,
 * returning to the configured URL. 404 `no_customer` when there is none.
 */
export function registerPortalRoute(app: BillingApp, services: RouteServices) {
  app.use(route.path, services.requireUser);
  app.openapi(route, async (c) => {
    const { primaryCustomerId } = await services.finder.findCustomers(
      c.var.user.userId,
    );
    if (!primaryCustomerId) throw new NoCustomerError();

    const session = await services.stripe.createPortalSession({
      customerId: primaryCustomerId,
      returnUrl: services.config.urls.portalReturn,
    });
    return c.json({ url: session.url }, 200);
  });
}
