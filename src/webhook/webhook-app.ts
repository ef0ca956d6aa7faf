import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import type { StripeSecretsSource } from '../config/stripe-secrets.js';
import { makeErrorResponse } from '../http/error-response.js';
import { requestLog } from '../http/request-log.js';
import type { AppLogger } from '../shared/logger.js';
import {
  LivemodeMismatchError,
  PayloadTooLargeError,
  SignatureMissingError,
  SignatureVerificationFailedError,
} from './errors.js';
import type { EventProcessor } from './process-event.js';
import { verifyEvent } from './verify-signature.js';
import type { WebhookMetrics } from './webhook-metrics.js';

/** Largest body accepted, in bytes (1 MB); larger bodies get 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Dependencies of {@link createWebhookApp}. */
export interface WebhookAppDeps {
  readonly secrets: StripeSecretsSource;
  readonly processor: EventProcessor;
  readonly metrics: WebhookMetrics;
  readonly logger: AppLogger;
  /** The clock, milliseconds since the epoch; default `Date.now`. */
  readonly now?: () => number;
}

/**
 * The webhook service: `POST /webhook` verifies the signature over the raw
 * body, refuses events of the other Stripe mode, and processes the event.
 *
 * Answers: 200 once the effect is durable (also for duplicates, for types
 * it does not act on, and for events rejected because their object has a
 * field Stripe never sends, which retrying cannot fix); 400 when verification fails or the body is not
 * an event; 409 with `Retry-After` while another delivery of the event is
 * in flight; 413 for bodies over 1 MB; 5xx when a retry may help.
 */
export function createWebhookApp(deps: WebhookAppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? Date.now;

  app.use(requestLog(deps.logger));
  app.use(async (_c, next) => {
    try {
      await next();
    } finally {
      deps.metrics.flush();
    }
  });

  app.post(
    '/webhook',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new PayloadTooLargeError(MAX_BODY_BYTES);
      },
    }),
    async (c) => {
      const header = c.req.header('stripe-signature');
      const payload = new Uint8Array(await c.req.arrayBuffer());
      const secrets = await deps.secrets.getSecrets();

      const event = verifyCounted(deps.metrics, () =>
        verifyEvent(payload, header, {
          secrets: secrets.webhookSecrets,
          receivedAtMs: now(),
        }),
      );
      if (event.livemode !== (secrets.mode === 'live')) {
        throw new LivemodeMismatchError(event.id, secrets.mode);
      }

      const result = await deps.processor.process(event);
      if (result.outcome === 'in_flight') {
        c.header('Retry-After', String(result.retryAfterSeconds ?? 1));
        return c.json(
          {
            error: {
              code: 'event_in_flight',
              message: `Event ${event.id} is being processed; retry later.`,
            },
          },
          409,
        );
      }
      const { outcome, reason } = result;
      return c.json(
        { received: true, outcome, ...(reason && { reason }) },
        200,
      );
    },
  );

  app.onError((error, c) => makeErrorResponse(c, error, deps.logger));
  return app;
}

function verifyCounted<T>(metrics: WebhookMetrics, verify: () => T): T {
  try {
    return verify();
  } catch (error) {
    if (
      error instanceof SignatureMissingError ||
      error instanceof SignatureVerificationFailedError
    ) {
      metrics.recordSignatureFailure();
    }
    throw error;
  }
}
