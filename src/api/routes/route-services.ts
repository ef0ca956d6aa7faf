import type { MiddlewareHandler } from 'hono';

import type { StripeSecretsSource } from '../../config/stripe-secrets.js';
import type { BillingApiConfig, BillingEnv } from '../billing-api-deps.js';
import type { Clock } from '../clock.js';
import type { CustomerProvisioner } from '../customers/customer-provisioner.js';
import type { UserCustomerFinder } from '../customers/user-customer-finder.js';
import type { BillingStripeGateway } from '../stripe/billing-stripe-gateway.js';

/** What the route handlers work with, wired once per app. */
export interface RouteServices {
  readonly config: BillingApiConfig;
  readonly secrets: StripeSecretsSource;
  readonly stripe: BillingStripeGateway;
  readonly finder: UserCustomerFinder;
  readonly provisioner: CustomerProvisioner;
  readonly clock: Clock;
  /** Authenticates the caller of a user endpoint. */
  readonly requireUser: MiddlewareHandler<BillingEnv>;
}

/** The OpenAPI security requirement of user endpoints. */
export const BEARER_SECURITY = [{ bearerAuth: [] }];
