import type Stripe from 'stripe';

import { type CheckResult, fail, pass } from '../../ops/doctor/check-result.js';

const LABEL = 'Live webhook endpoint registered with the handled events';

/**
 * Checks that an enabled live-mode endpoint (for `url` when given) is
 * subscribed to every event type the webhook handles.
 */
export function checkLiveEndpoint(
  endpoints: readonly Stripe.WebhookEndpoint[],
  handled: readonly string[],
  url: string | undefined,
): CheckResult {
  const fix =
    'Run `billing setup webhook --url <deployed webhook URL>` with the ' +
    'live keys.';
  const candidates = endpoints.filter(
    (endpoint) => url === undefined || endpoint.url === url,
  );
  const live = candidates.filter((endpoint) => endpoint.livemode);
  if (live.length === 0) {
    const where = url ? ` for ${url}` : '';
    const detail =
      candidates.length > 0
        ? `the endpoint${where} is in test mode`
        : `no endpoint is registered${where}`;
    return fail(LABEL, detail, fix);
  }
  const enabled = live.filter((endpoint) => endpoint.status === 'enabled');
  if (enabled.length === 0) {
    return fail(LABEL, `${live[0]?.id} is disabled`, fix);
  }
  const best = enabled
    .map((endpoint) => ({
      endpoint,
      missing: missingEvents(endpoint, handled),
    }))
    .sort((a, b) => a.missing.length - b.missing.length)[0];
  if (best === undefined || best.missing.length > 0) {
    return fail(
      LABEL,
      `${best?.endpoint.id} misses ${best?.missing.join(', ')}`,
      fix,
    );
  }
  return pass(LABEL, `${best.endpoint.id} ${best.endpoint.url}`);
}

function missingEvents(
  endpoint: Stripe.WebhookEndpoint,
  handled: readonly string[],
): string[] {
  if (endpoint.enabled_events.includes('*')) return [];
  return handled.filter((type) => !endpoint.enabled_events.includes(type));
}
