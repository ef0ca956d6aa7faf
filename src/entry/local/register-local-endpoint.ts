import type { SandboxHandle } from '../../sandbox/index.js';
import { makeStripeClient } from '../../stripe/make-stripe-client.js';
import { SANDBOX_SECRET_KEY } from './local-settings.js';

/** What the local webhook endpoint is registered with. */
export interface LocalEndpoint {
  /** `http://127.0.0.1:<port>/webhook`. */
  readonly url: string;
  /** Event types the webhook acts on. */
  readonly enabledEvents: readonly string[];
  /** Its `whsec_` signing secret. */
  readonly secret: string;
}

/**
 * Registers the local webhook endpoint with the sandbox, first deleting
 * endpoints an earlier run registered (a loopback URL ending in
 * `/webhook`, whatever its port), so that a restart on the same data
 * folder does not leave the sandbox delivering every event twice, or to a
 * port nothing listens on any more.
 */
export async function registerLocalEndpoint(
  sandbox: SandboxHandle,
  endpoint: LocalEndpoint,
): Promise<void> {
  const stripe = makeStripeClient({
    secretKey: SANDBOX_SECRET_KEY,
    apiBase: sandbox.stripeConfig,
    maxNetworkRetries: 0,
  });
  const stale: string[] = [];
  for await (const existing of stripe.webhookEndpoints.list({ limit: 100 })) {
    if (isLocalWebhookUrl(existing.url)) stale.push(existing.id);
  }
  for (const id of stale) await stripe.webhookEndpoints.del(id);

  sandbox.registerEndpoint({
    url: endpoint.url,
    enabledEvents: endpoint.enabledEvents,
    secret: endpoint.secret,
  });
}

function isLocalWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.hostname === '127.0.0.1' || url.hostname === 'localhost') &&
      url.pathname === '/webhook'
    );
  } catch {
    return false;
  }
}
