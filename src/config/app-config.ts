import type { BillingInterval, Plan } from '../domain/plan.js';
import type { SubscriptionStatus } from '../domain/subscription-status.js';

export type { BillingInterval };

/** Where the Stripe SDK sends its requests; set only for the sandbox. */
export interface StripeApiBase {
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http' | 'https';
}

/** Which subscriptions grant access to the product. */
export interface AccessPolicy {
  /** Statuses that grant access, e.g. active, trialing, past_due. */
  readonly grantingStatuses: readonly SubscriptionStatus[];
  /**
   * Days a `past_due` subscription keeps access after its current billing
   * period started (the failed renewal). 0 means no grace.
   */
  readonly pastDueGraceDays: number;
}

/** How the bearer tokens of the billing API are checked. */
export interface AuthConfig {
  /** Expected `iss` claim. */
  readonly issuer: string;
  /** Expected `aud` claim. */
  readonly audience: string;
  /** URL of the issuer's JSON Web Key Set; absent when the issuer is local. */
  readonly jwksUrl?: string | undefined;
}

/** The whole configuration of one process, read and validated once. */
export interface AppConfig {
  /** Deployment stage, e.g. `dev` or `prod`. */
  readonly stage: string;
  readonly plans: readonly Plan[];
  readonly urls: {
    /** Checkout success URL; carries `{CHECKOUT_SESSION_ID}`. */
    readonly checkoutSuccess: string;
    readonly checkoutCancel: string;
    readonly portalReturn: string;
  };
  /** Origins allowed to call the billing API from a browser. */
  readonly allowedOrigins: readonly string[];
  readonly access: AccessPolicy;
  readonly checkout: {
    readonly allowPromotionCodes: boolean;
    readonly automaticTax: boolean;
  };
  readonly tables: {
    /** Customers table: key `customerId`, index `UserIdIndex`. */
    readonly customers: string;
    /** Events table (the event ledger): key `eventId`, TTL `expiresAt`. */
    readonly events: string;
  };
  /** S3 bucket where invoices are archived. */
  readonly invoicesBucket: string;
  readonly stripe: {
    /** Where the three Stripe secrets come from. */
    readonly secretsSource: 'env' | 'aws-secrets-manager';
    /** Secrets Manager secret name, default `stripe/<stage>`. */
    readonly secretName: string;
    /** How long a fetched secret is cached, in seconds. */
    readonly secretsTtlSeconds: number;
    /** API base override (the offline sandbox); absent for real Stripe. */
    readonly apiBase?: StripeApiBase | undefined;
  };
  /** Token checks of the billing API; absent when not configured. */
  readonly auth?: AuthConfig | undefined;
  readonly aws: {
    readonly region: string;
    /** DynamoDB endpoint override (embedded store); absent in AWS. */
    readonly dynamodbEndpoint?: string | undefined;
    /** S3 endpoint override (embedded store); absent in AWS. */
    readonly s3Endpoint?: string | undefined;
  };
}
