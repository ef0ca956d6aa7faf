import { createRoute } from '@hono/zod-openapi';

import { BILLING_INTERVALS, type Plan } from '../../domain/plan.js';
import type { BillingApp } from '../billing-api-deps.js';
import { BillingConfigSchema, errorResponses } from '../schemas.js';
import type { RouteServices } from './route-services.js';

const route = createRoute({
  method: 'get',
  path: '/api/billing/config',
  tags: ['billing'],
  summary: 'The publishable key and the plans on offer (public).',
  responses: {
    200: {
      description: 'The billing configuration for the frontend.',
      content: { 'application/json': { schema: BillingConfigSchema } },
    },
    ...errorResponses(502),
  },
});

/** `GET /api/billing/config`: public; no token needed. */
export function registerConfigRoute(app: BillingApp, services: RouteServices) {
  const plans = services.config.plans.map(toPublicPlan);
  app.openapi(route, async (c) => {
    const { publishableKey } = await services.secrets.getSecrets();
    return c.json({ publishableKey, plans }, 200);
  });
}

function toPublicPlan(plan: Plan) {
  return {
    key: plan.key,
    name: plan.name,
    trialDays: plan.trialDays ?? null,
    prices: BILLING_INTERVALS.flatMap((interval) => {
      const price = plan.prices[interval];
      return price
        ? [{ interval, amount: price.amount, currency: price.currency }]
        : [];
    }),
    entitlements: [...plan.entitlements],
  };
}
