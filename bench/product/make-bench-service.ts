import { EnvironmentSecretsSource } from '../../src/config/stripe-secrets.js';
import {
  makeWebhookService,
  type WebhookService,
} from '../../src/webhook/make-webhook-service.js';
import type { WebhookMetrics } from '../../src/webhook/webhook-metrics.js';
import {
  BENCH_SECRETS,
  type BenchEndpoints,
  makeBenchConfig,
} from '../bench-config.js';

/**
 * The webhook service exactly as the product wires it
 * (`makeWebhookService`): DynamoDB, S3 and the Stripe reader from the
 * configuration, pointed at the given endpoints, with the bench secrets.
 */
export function makeBenchService(
  endpoints: BenchEndpoints,
  metrics?: WebhookMetrics,
): WebhookService {
  return makeWebhookService({
    config: makeBenchConfig(endpoints),
    secrets: new EnvironmentSecretsSource(BENCH_SECRETS),
    ...(metrics ? { metrics } : {}),
  });
}
