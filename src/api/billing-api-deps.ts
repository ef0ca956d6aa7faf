import type { OpenAPIHono } from '@hono/zod-openapi';

import type { AppConfig } from '../config/app-config.js';
import type { StripeSecretsSource } from '../config/stripe-secrets.js';
import type { CustomerStore } from '../domain/customer-store.js';
import type { AppLogger } from '../shared/logger.js';
import type { UserClaimStore } from '../storage/dynamo/user-claim-store.js';
import type { AuthenticatedUser } from './auth/authenticated-user.js';
import type { Authenticator } from './auth/authenticator.js';
import type { Clock } from './clock.js';
import type { ClaimWaitOptions } from './customers/customer-provisioner.js';
import type { BillingStripeGateway } from './stripe/billing-stripe-gateway.js';

/** The parts of the configuration the billing API reads. */
export type BillingApiConfig = Pick<
  AppConfig,
  'plans' | 'urls' | 'allowedOrigins' | 'access' | 'checkout'
>;

/** Everything {@link createBillingApiApp} is built from. */
export interface BillingApiDeps {
  readonly config: BillingApiConfig;
  /** Gives the publishable key for `GET /api/billing/config`. */
  readonly secrets: StripeSecretsSource;
  readonly customers: CustomerStore;
  readonly claims: UserClaimStore;
  readonly stripe: BillingStripeGateway;
  readonly authenticator: Authenticator;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Default: `makeLogger('billing-api')`. */
  readonly logger?: AppLogger;
  /** How requests wait for a customer another request is creating. */
  readonly claimWait?: ClaimWaitOptions;
}

/** Hono environment of the billing API: the caller, once authenticated. */
export interface BillingEnv {
  Variables: { user: AuthenticatedUser };
}

/** The billing API app type the routes register on. */
export type BillingApp = OpenAPIHono<BillingEnv>;
