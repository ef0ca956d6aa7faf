import { handle } from 'hono/aws-lambda';

import { loadConfig } from '../../config/load-config.js';
import { makeSecretsSource } from '../../config/make-secrets-source.js';
import { makeWebhookService } from '../../webhook/make-webhook-service.js';
import { PowertoolsWebhookMetrics } from '../../webhook/powertools-webhook-metrics.js';

const config = loadConfig();

/**
 * The webhook service behind API Gateway: Stripe posts events to
 * `POST /webhook`. The body reaches the app byte-exact (base64-encoded
 * bodies are decoded by the adapter), as signature verification needs.
 */
export const handler = handle(
  makeWebhookService({
    config,
    secrets: makeSecretsSource(config),
    metrics: new PowertoolsWebhookMetrics(),
  }).app,
);
