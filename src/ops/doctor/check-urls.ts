import type { AppConfig } from '../../config/app-config.js';
import { CHECKOUT_SESSION_ID_PLACEHOLDER } from '../../config/billing-config-schema.js';
import { type CheckResult, fail, pass } from './check-result.js';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Checks the browser-facing settings: each allowed origin is a bare
 * origin, over https unless it is a loopback address; the checkout
 * success URL carries `{CHECKOUT_SESSION_ID}`; and every redirect URL
 * goes to https outside loopback.
 */
export function checkUrls(config: AppConfig): CheckResult[] {
  return [checkOrigins(config.allowedOrigins), checkRedirects(config)];
}

function checkOrigins(origins: readonly string[]): CheckResult {
  const label = 'Allowed origins well-formed';
  if (origins.length === 0) {
    return fail(
      label,
      'no origin is allowed, so no browser can call the billing API',
      'Set ALLOWED_ORIGINS (comma-separated) or allowedOrigins in the ' +
        'billing configuration.',
    );
  }
  const bad = origins.filter((origin) => !isSafeUrl(origin, true));
  if (bad.length > 0) {
    return fail(
      label,
      `not a bare https origin: ${bad.join(', ')}`,
      'Use origins like https://app.example.com: scheme and host only, ' +
        'https except for localhost.',
    );
  }
  return pass(label, origins.join(', '));
}

function checkRedirects(config: AppConfig): CheckResult {
  const label = `Checkout success URL carries ${CHECKOUT_SESSION_ID_PLACEHOLDER}, redirects use https`;
  const { checkoutSuccess, checkoutCancel, portalReturn } = config.urls;
  if (!checkoutSuccess.includes(CHECKOUT_SESSION_ID_PLACEHOLDER)) {
    return fail(
      label,
      `urls.checkoutSuccess lacks ${CHECKOUT_SESSION_ID_PLACEHOLDER}`,
      `Add ?session_id=${CHECKOUT_SESSION_ID_PLACEHOLDER} to urls.checkoutSuccess.`,
    );
  }
  const bad = Object.entries({ checkoutSuccess, checkoutCancel, portalReturn })
    .filter(([, url]) => !isSafeUrl(url, false))
    .map(([name]) => `urls.${name}`);
  if (bad.length > 0) {
    return fail(
      label,
      `not https: ${bad.join(', ')}`,
      'Use https URLs (http only for localhost).',
    );
  }
  return pass(label);
}

function isSafeUrl(value: string, isOrigin: boolean): boolean {
  let url: URL;
  try {
    url = new URL(value.replace(CHECKOUT_SESSION_ID_PLACEHOLDER, 'x'));
  } catch {
    return false;
  }
  if (isOrigin && url.origin !== value) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
}
