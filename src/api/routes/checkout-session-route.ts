import { createRoute } from '@hono/zod-openapi';

import { hasBlockingSubscription } from '../../domain/billing-view.js';
import { findPlan } from '../../domain/plan.js';
import type { BillingApp } from '../billing-api-deps.js';
import { AlreadySubscribedError, UnknownPlanError } from '../errors.js';
import {
  CheckoutRequestSchema,
  CheckoutSessionSchema,
  errorResponses,
} from '../schemas.js';
import type { BillingStripeGateway } from '../stripe/billing-stripe-gateway.js';
import { BEARER_SECURITY, type RouteServices } from './route-services.js';

const route = createRoute({
  method: 'post',
  path: '/api/billing/checkout-session',
  tags: ['billing'],
  summary: 'Starts a subscription checkout for a configured plan.',
  security: BEARER_SECURITY,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: CheckoutRequestSchema } },
    },
  },
  responses: {
    200: {
      description: 'The checkout session; send the browser to its url.',
      content: { 'application/json': { schema: CheckoutSessionSchema } },
    },
    ...errorResponses(400, 401, 409, 413, 415, 502, 503),
  },
});

/**
 * `POST /api/billing/checkout-session`. The price and the redirect URLs
 * come from configuration, never from the client. A user who already has
 * an active, trialing or past_due subscription is sent to the portal
 * (409 `already_subscribed`). The customer's other open checkout sessions
 * are expired first, so a user cannot complete two and pay for two
 * subscriptions.
 */
export function registerCheckoutSessionRoute(
  app: BillingApp,
  services: RouteServices,
) {
  const { config, finder, provisioner, stripe } = services;
  app.use(route.path, services.requireUser);
  app.openapi(route, async (c) => {
    const user = c.var.user;
    const body = c.req.valid('json');
    const plan = findPlan(config.plans, body.plan);
    if (!plan) throw new UnknownPlanError(body.plan);
    const price = plan.prices[body.interval];
    if (!price) throw new UnknownPlanError(body.plan, body.interval);

    const { customers } = await finder.findCustomers(user.userId);
    if (hasBlockingSubscription(customers)) throw new AlreadySubscribedError();

    const customerId = await provisioner.ensureCustomer(user);
    await expireOpenSessions(stripe, customerId);
    const session = await stripe.createCheckoutSession({
      customerId,
      userId: user.userId,
      priceId: price.id,
      quantity: body.quantity ?? 1,
      trialDays: plan.trialDays,
      successUrl: config.urls.checkoutSuccess,
      cancelUrl: config.urls.checkoutCancel,
      allowPromotionCodes: config.checkout.allowPromotionCodes,
      automaticTax: config.checkout.automaticTax,
    });
    return c.json({ id: session.id, url: session.url }, 200);
  });
}

async function expireOpenSessions(
  stripe: BillingStripeGateway,
  customerId: string,
): Promise<void> {
  const open = await stripe.listOpenCheckoutSessions({ customerId });
  for (const sessionId of open) {
    await stripe.expireCheckoutSession(sessionId);
  }
}
