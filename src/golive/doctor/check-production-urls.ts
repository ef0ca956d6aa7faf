import type { AppConfig } from '../../config/app-config.js';
import { CHECKOUT_SESSION_ID_PLACEHOLDER } from '../../config/billing-config-schema.js';
import { type CheckResult, fail, pass } from '../../ops/doctor/check-result.js';

/** Host names that never reach a production deployment. */
const LOCAL_HOST =
  /^(localhost|.*\.localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1?\]|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)$/;

/**
 * Checks that the browser origins and the redirect URLs point at the
 * production domain: https, and not a loopback or private address, which
 * the local example configuration uses.
 */
export function checkProductionUrls(config: AppConfig): CheckResult[] {
  const redirects = Object.entries(config.urls).map(
    ([name, url]) => [`urls.${name}`, url] as const,
  );
  return [
    checkAll(
      'Allowed origins on the production domain',
      config.allowedOrigins.map((origin) => ['origin', origin] as const),
      'Set ALLOWED_ORIGINS (or allowedOrigins) to the https origins of the ' +
        'production frontend.',
    ),
    checkAll(
      'Checkout and portal redirect URLs on the production domain',
      redirects,
      'Point urls.* of the billing configuration at the production ' +
        'frontend over https, then redeploy.',
    ),
  ];
}

function checkAll(
  label: string,
  entries: readonly (readonly [string, string])[],
  fix: string,
): CheckResult {
  if (entries.length === 0) return fail(label, 'none is configured', fix);
  const bad = entries.filter(([, url]) => !isProductionUrl(url));
  if (bad.length > 0) {
    const found = bad.map(([name, url]) => `${name} ${url}`).join(', ');
    return fail(label, `not production https: ${found}`, fix);
  }
  return pass(label);
}

function isProductionUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value.replace(CHECKOUT_SESSION_ID_PLACEHOLDER, 'x'));
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !LOCAL_HOST.test(url.hostname);
}
