import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';

import { makeErrorResponse } from '../http/error-response.js';
import { requestLog } from '../http/request-log.js';
import { type AppLogger, makeLogger } from '../shared/logger.js';
import { requireUser } from './auth/require-user.js';
import type {
  BillingApiDeps,
  BillingApp,
  BillingEnv,
} from './billing-api-deps.js';
import { systemClock } from './clock.js';
import { CustomerProvisioner } from './customers/customer-provisioner.js';
import { UserCustomerFinder } from './customers/user-customer-finder.js';
import {
  InvalidRequestError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from './errors.js';
import { registerCheckoutSessionRoute } from './routes/checkout-session-route.js';
import { registerConfigRoute } from './routes/config-route.js';
import { registerInvoicesRoute } from './routes/invoices-route.js';
import { registerPortalRoute } from './routes/portal-route.js';
import type { RouteServices } from './routes/route-services.js';
import { registerSubscriptionRoute } from './routes/subscription-route.js';
import { formatIssues } from './validation/format-issues.js';

/** Path of the OpenAPI document the app serves. */
export const OPENAPI_PATH = '/api/billing/openapi.json';

/**
 * Largest request body the API reads, in bytes: a checkout request is a few
 * dozen bytes, so 16 KiB leaves room without letting a caller make the
 * function parse megabytes.
 */
export const MAX_BODY_BYTES = 16 * 1024;

/** How long browsers may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * The billing API for the frontend: config, checkout session, portal,
 * subscription and invoices under `/api/billing`, with its OpenAPI document.
 * Every endpoint but config needs a bearer token; browsers may call it only
 * from the configured origins.
 */
export function createBillingApiApp(deps: BillingApiDeps): BillingApp {
  const logger = deps.logger ?? makeLogger('billing-api');
  const app = new OpenAPIHono<BillingEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new InvalidRequestError(formatIssues(result.error.issues));
      }
    },
  });

  app.use(requestLog(logger));
  app.use(
    '/api/billing/*',
    cors({
      origin: [...deps.config.allowedOrigins],
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    }),
  );
  app.use(
    '/api/billing/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new PayloadTooLargeError(MAX_BODY_BYTES);
      },
    }),
  );

  const services = makeRouteServices(deps, logger);
  registerConfigRoute(app, services);
  registerCheckoutSessionRoute(app, services);
  registerPortalRoute(app, services);
  registerSubscriptionRoute(app, services);
  registerInvoicesRoute(app, services);
  registerOpenApiDocument(app);

  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: 'No such endpoint.' } }, 404),
  );
  app.onError((error, c) =>
    makeErrorResponse(c, translateHttpException(error), logger),
  );
  return app;
}

function makeRouteServices(
  deps: BillingApiDeps,
  logger: AppLogger,
): RouteServices {
  const clock = deps.clock ?? systemClock;
  return {
    config: deps.config,
    secrets: deps.secrets,
    stripe: deps.stripe,
    clock,
    finder: new UserCustomerFinder(deps.claims, deps.customers),
    provisioner: new CustomerProvisioner({
      claims: deps.claims,
      customers: deps.customers,
      stripe: deps.stripe,
      clock,
      logger,
      ...(deps.claimWait ? { wait: deps.claimWait } : {}),
    }),
    requireUser: requireUser(deps.authenticator),
  };
}

function registerOpenApiDocument(app: BillingApp) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  app.doc(OPENAPI_PATH, {
    openapi: '3.0.3',
    info: {
      title: 'Billing API',
      version: '1.0.0',
      description:
        'Plans, checkout, billing portal, subscription state and invoices ' +
        'of the signed-in user, backed by Stripe.',
    },
  });
}

/**
 * The body validators throw an `HTTPException` for malformed JSON (400) or
 * a body that is not JSON (415): the caller's mistakes, answered in the
 * standard error body like any other refused request.
 */
function translateHttpException(error: Error): Error {
  if (!(error instanceof HTTPException)) return error;
  if (error.status === 400) {
    return new InvalidRequestError([`body: ${error.message}`], {
      cause: error,
    });
  }
  if (error.status === 415) {
    return new UnsupportedMediaTypeError({ cause: error });
  }
  return error;
}
