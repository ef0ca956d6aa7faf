import type { MiddlewareHandler } from 'hono';

import { runInRequest } from '../billing/request-scope.js';
import { SandboxApiError, StripeErrorType } from '../errors.js';
import { makeId } from '../ids.js';
import { SANDBOX_API_VERSION } from '../objects/build-event.js';
import type { IdempotencyCache } from './idempotency-cache.js';
import { ParamReader } from './param-reader.js';
import { parseStripeQuery } from './parse-stripe-params.js';
import type { SandboxEnv } from './sandbox-env.js';

/** Statuses whose answers are not saved under an idempotency key. */
const UNSAVED_STATUSES = new Set([400, 401, 409, 429]);

/**
 * Stripe's request conventions for `/v1/*`: a `Request-Id`, secret-key
 * authentication, `Stripe-Version`, parameters from the query (GET,
 * DELETE) or the form body (POST), and idempotency keys on POST.
 */
export function stripeConventions(
  idempotency: IdempotencyCache,
): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const requestId = makeId('req', 14);
    c.set('requestId', requestId);
    c.header('Request-Id', requestId);
    c.header(
      'Stripe-Version',
      c.req.header('stripe-version') ?? SANDBOX_API_VERSION,
    );
    const apiKey = authenticate(c.req.header('authorization'));
    const body = c.req.method === 'POST' ? await c.req.text() : '';
    const query = c.req.url.split('?')[1] ?? '';
    c.set('reader', new ParamReader(parseStripeQuery(body || query)));
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || !key) {
      await runInRequest({ requestId, idempotencyKey: null }, next);
      return undefined;
    }
    const cacheKey = `${apiKey}:${key}`;
    const fingerprint = `${c.req.method} ${c.req.path} ${body}`;
    const lookup = idempotency.begin(cacheKey, fingerprint);
    if (lookup.kind === 'replay') {
      return new Response(lookup.response.body, {
        status: lookup.response.status,
        headers: {
          'content-type': 'application/json',
          'idempotent-replayed': 'true',
          'request-id': requestId,
        },
      });
    }
    if (lookup.kind !== 'new') throw idempotencyError(key, lookup.kind);
    await runInRequest({ requestId, idempotencyKey: key }, next);
    if (UNSAVED_STATUSES.has(c.res.status) || c.res.status >= 500) {
      idempotency.release(cacheKey);
    } else {
      const text = await c.res.clone().text();
      idempotency.save(cacheKey, { status: c.res.status, body: text });
    }
    return undefined;
  };
}

function authenticate(header: string | undefined): string {
  if (!header) {
    throw new SandboxApiError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      { status: 401, type: StripeErrorType.invalidRequest },
    );
  }
  const key = readKey(header);
  if (!/^sk_test_[A-Za-z0-9_]+$/.test(key)) {
    throw new SandboxApiError(
      `Invalid API Key provided: ${maskKey(key)}. The sandbox accepts any test secret key (sk_test_...).`,
      {
        status: 401,
        type: StripeErrorType.invalidRequest,
        code: 'api_key_invalid',
      },
    );
  }
  return key;
}

function readKey(header: string): string {
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'basic') {
    return Buffer.from(value, 'base64').toString('utf8').split(':')[0] ?? '';
  }
  return scheme?.toLowerCase() === 'bearer' ? value.trim() : '';
}

function maskKey(key: string): string {
  return key.length <= 8 ? '***' : `${key.slice(0, 8)}***${key.slice(-4)}`;
}

function idempotencyError(key: string, kind: 'mismatch' | 'in_progress') {
  if (kind === 'in_progress') {
    return new SandboxApiError(
      'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through). Please retry your request later.',
      { status: 409, type: StripeErrorType.idempotency },
    );
  }
  return new SandboxApiError(
    `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    { status: 400, type: StripeErrorType.idempotency },
  );
}
