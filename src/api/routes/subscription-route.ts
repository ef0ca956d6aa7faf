import { createRoute } from '@hono/zod-openapi';

import { makeSubscriptionView } from '../../domain/billing-view.js';
import type { BillingApp } from '../billing-api-deps.js';
import { errorResponses, SubscriptionSchema } from '../schemas.js';
import { BEARER_SECURITY, type RouteServices } from './route-services.js';

const route = createRoute({
  method: 'get',
  path: '/api/billing/subscription',
  tags: ['billing'],
  summary: "The caller's subscription and whether it grants access.",
  security: BEARER_SECURITY,
  responses: {
    200: {
      description: 'The subscription view; status none when there is none.',
      content: { 'application/json': { schema: SubscriptionSchema } },
    },
    ...errorResponses(401, 503),
  },
});

/**
 * `GET /api/billing/subscription`: read from the customers table (the
 * webhook keeps it current), with access decided by the configured rules
 * at the clock's time.
 */
export function registerSubscriptionRoute(
  app: BillingApp,
  services: RouteServices,
) {
  app.use(route.path, services.requireUser);
  app.openapi(route, async (c) => {
    const { customers } = await services.finder.findCustomers(
      c.var.user.userId,
    );
    const view = makeSubscriptionView({
      customers,
      plans: services.config.plans,
      rules: services.config.access,
      nowMs: services.clock(),
    });
    return c.json({ ...view, entitlements: [...view.entitlements] }, 200);
  });
}
