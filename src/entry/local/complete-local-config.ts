import type { AppConfig, StripeApiBase } from '../../config/app-config.js';
import {
  DEFAULT_PORT,
  type LocalSettings,
  localIssuerUrl,
} from './local-settings.js';

/** What is known only once the local servers listen. */
export interface LocalRuntime {
  /** Port the local server listens on. */
  readonly port: number;
  /** Endpoint of the embedded DynamoDB-compatible server. */
  readonly dynamodbEndpoint: string;
  /** Endpoint of the embedded S3-compatible server. */
  readonly s3Endpoint: string;
  /** The sandbox, when it stands in for Stripe. */
  readonly stripeApiBase?: StripeApiBase | undefined;
}

/**
 * The configuration the local services run with: the validated one, with
 * the embedded stores' endpoints, the sandbox as Stripe's API base, the
 * local dev issuer's URL (unless `JWT_ISSUER` was set) and, when the
 * example billing configuration is used on another port than 4242, its
 * URLs and origins moved to that port.
 */
export function completeLocalConfig(
  settings: LocalSettings,
  runtime: LocalRuntime,
): AppConfig {
  const { config } = settings;
  const move = (value: string) =>
    settings.usesExampleConfig ? movePort(value, runtime.port) : value;
  const auth = config.auth
    ? {
        ...config.auth,
        issuer: settings.hasOwnIssuer
          ? config.auth.issuer
          : localIssuerUrl(runtime.port),
      }
    : undefined;

  return Object.freeze({
    ...config,
    urls: {
      checkoutSuccess: move(config.urls.checkoutSuccess),
      checkoutCancel: move(config.urls.checkoutCancel),
      portalReturn: move(config.urls.portalReturn),
    },
    allowedOrigins: config.allowedOrigins.map(move),
    stripe: {
      ...config.stripe,
      apiBase: runtime.stripeApiBase ?? config.stripe.apiBase,
    },
    auth,
    aws: {
      ...config.aws,
      dynamodbEndpoint: runtime.dynamodbEndpoint,
      s3Endpoint: runtime.s3Endpoint,
    },
  });
}

/** Moves a loopback URL on the default port to another port. */
function movePort(value: string, port: number): string {
  if (port === DEFAULT_PORT) return value;
  return value.replace(
    new RegExp(`^(https?://(?:127\\.0\\.0\\.1|localhost)):${DEFAULT_PORT}\\b`),
    `$1:${port}`,
  );
}
