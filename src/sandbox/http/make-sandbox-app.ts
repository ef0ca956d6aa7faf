import { Hono } from 'hono';

import type { AppLogger } from '../../shared/logger.js';
import { SandboxApiError, StripeErrorType } from '../errors.js';
import { registerHostedPages } from '../pages/register-hosted-pages.js';
import { registerCheckoutRoutes } from '../routes/checkout-routes.js';
import { registerCustomerRoutes } from '../routes/customer-routes.js';
import { registerEventRoutes } from '../routes/event-routes.js';
import { registerInvoiceRoutes } from '../routes/invoice-routes.js';
import { registerPortalRoutes } from '../routes/portal-routes.js';
import { registerPriceRoutes } from '../routes/price-routes.js';
import { registerProductRoutes } from '../routes/product-routes.js';
import { registerSubscriptionRoutes } from '../routes/subscription-routes.js';
import { registerTestClockRoutes } from '../routes/test-clock-routes.js';
import { registerWebhookEndpointRoutes } from '../routes/webhook-endpoint-routes.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { IdempotencyCache } from './idempotency-cache.js';
import type { SandboxApp, SandboxEnv } from './sandbox-env.js';
import { stripeConventions } from './stripe-conventions.js';

/**
 * The sandbox's HTTP app: Stripe's `/v1` API for Billing plus the hosted
 * checkout, portal and invoice pages. Errors answer in Stripe's format.
 * `beforeAnswer` runs once each request is handled and before its answer
 * is sent (the sandbox commits its journal there).
 */
export function makeSandboxApp(
  context: SandboxContext,
  idempotency: IdempotencyCache,
  logger: AppLogger,
  beforeAnswer: () => void = () => {},
): SandboxApp {
  const app = new Hono<SandboxEnv>();
  app.use('*', async (_c, next) => {
    try {
      await next();
    } finally {
      beforeAnswer();
    }
  });
  app.use('/v1/*', stripeConventions(idempotency));
  registerCustomerRoutes(app, context);
  registerProductRoutes(app, context);
  registerPriceRoutes(app, context);
  registerCheckoutRoutes(app, context);
  registerPortalRoutes(app, context);
  registerSubscriptionRoutes(app, context);
  registerInvoiceRoutes(app, context);
  registerEventRoutes(app, context);
  registerWebhookEndpointRoutes(app, context);
  registerTestClockRoutes(app, context);
  registerHostedPages(app, context);
  app.notFound((c) =>
    c.json(
      new SandboxApiError(
        `Unrecognized request URL (${c.req.method}: ${c.req.path}).`,
        { status: 404, type: StripeErrorType.invalidRequest },
      ).toBody(),
      404,
    ),
  );
  app.onError((error, c) => {
    if (error instanceof SandboxApiError) {
      return c.json(error.toBody(), error.status as 400);
    }
    logger.error('sandbox request failed', {
      error,
      method: c.req.method,
      path: c.req.path,
    });
    const body = new SandboxApiError('An unexpected error occurred.', {
      status: 500,
      type: StripeErrorType.api,
    }).toBody();
    return c.json(body, 500);
  });
  return app;
}
