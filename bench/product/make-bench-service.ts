import { EnvironmentSecretsSource } from '../../src/config/stripe-secrets.js';
import {
  makeWebhookService,
  type WebhookService,
  type WebhookServiceOptions,
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
 * configuration, pointed at the given endpoints, with the bench secrets;
 * `stores` replaces the document client or the archive (the CPU figure's
 * in-memory stand-ins).
 */
export function makeBenchService(
  endpoints: BenchEndpoints,
  metrics?: WebhookMetrics,
  stores: Pick<WebhookServiceOptions, 'documents' | 'archive'> = {},
): WebhookService {
  return makeWebhookService({
    config: makeBenchConfig(endpoints),
    secrets: new EnvironmentSecretsSource(BENCH_SECRETS),
    ...(metrics ? { metrics } : {}),
    ...stores,
  });
}
