import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  type CountingProxy,
  startCountingProxy,
} from '../../bench/instruments/counting-proxy.js';
import { StripeSdkGateway } from '../../src/api/stripe/stripe-sdk-gateway.js';
import { EnvironmentSecretsSource } from '../../src/config/stripe-secrets.js';
import { signPayload } from '../../src/webhook/testing/signed-event.js';
import { subscriptionPayload } from './support/bad-webhook-deliveries.js';
import {
  FAULT_SECRETS,
  type FaultWorld,
  startFaultWorld,
} from './support/fault-world.js';
import { captureLogs } from './support/log-capture.js';
import { WRITE_STEPS } from './support/store-faults.js';

/** What Stripe answers when it fails on its side. */
const STRIPE_OUTAGE = {
  status: 500,
  contentType: 'application/json',
  body: JSON.stringify({
    error: {
      type: 'api_error',
      message: 'An unknown error occurred (injected).',
    },
  }),
};

describe('Fault suite: no secret reaches the logs', () => {
  let world: FaultWorld;
  let stripe: CountingProxy;
  const authorizationsSeenByStripe: string[] = [];
  const signatures: string[] = [];
  const tokens: string[] = [];
  const statuses = new Map<string, number>();
  let output = '';
  let lineCount = 0;

  /** Posts a signed delivery, keeping its signature header to search for. */
  async function postSigned(name: string, payload: string, secret: string) {
    const header = signPayload(payload, secret, world.nowSeconds);
    signatures.push(
      header,
      ...header.split(',').filter((part) => part.startsWith('v1=')),
    );
    statuses.set(name, (await world.post(payload, { header })).status);
  }

  /** Calls the billing API with a bearer token kept to search for. */
  async function callApi(name: string, path: string, token: string) {
    tokens.push(token);
    const response = await world.api.request(path, {
      method: path.endsWith('subscription') ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: path.endsWith('subscription')
        ? null
        : JSON.stringify({ plan: 'pro', interval: 'month' }),
    });
    await response.arrayBuffer();
    statuses.set(name, response.status);
  }

  async function runWebhookMix() {
    const good = subscriptionPayload('evt_logs_good', world.nowSeconds);
    const secret = FAULT_SECRETS.STRIPE_WEBHOOK_SECRET;
    await postSigned('webhook applied', good, secret);
    await postSigned('webhook duplicate', good, secret);
    await postSigned('webhook wrong secret', good, 'whsec_someoneElse51QxZ');
    const stale = signPayload(good, secret, world.nowSeconds - 400);
    signatures.push(stale);
    statuses.set(
      'webhook stale',
      (await world.post(good, { header: stale })).status,
    );
    const flaky = subscriptionPayload('evt_logs_flaky', world.nowSeconds);
    world.failSteps(WRITE_STEPS.customerWrite);
    await postSigned('webhook store failure', flaky, secret).finally(() =>
      world.clearFaults(),
    );
    await postSigned('webhook redelivery', flaky, secret);
  }

  async function runApiMix() {
    const valid = await world.tokenFor('user_logs');
    const foreign = await world.tokenFor('user_logs', { iss: 'https://x.y' });
    const config = await world.api.request('/api/billing/config');
    statuses.set('api config', config.status);
    await config.arrayBuffer();
    await callApi('api subscription', '/api/billing/subscription', valid);
    await callApi('api bad token', '/api/billing/subscription', foreign);
    await callApi('api stripe failure', '/api/billing/checkout-session', valid);
    world.failAllDynamo();
    await callApi(
      'api store failure',
      '/api/billing/subscription',
      valid,
    ).finally(() => world.clearFaults());
  }

  beforeAll(async () => {
    vi.stubEnv('LOG_LEVEL', 'DEBUG');
    stripe = await startCountingProxy({
      target: 'http://127.0.0.1:9',
      label: (request) => {
        authorizationsSeenByStripe.push(String(request.headers.authorization));
        return `${request.method} ${request.path}`;
      },
      fault: () => STRIPE_OUTAGE,
    });
    const secrets = new EnvironmentSecretsSource(FAULT_SECRETS);
    world = await startFaultWorld({
      stripe: new StripeSdkGateway({
        secrets,
        apiBase: { host: '127.0.0.1', port: stripe.port, protocol: 'http' },
        maxNetworkRetries: 0,
      }),
    });

    const capture = captureLogs();
    try {
      await runWebhookMix();
      await runApiMix();
    } finally {
      capture.stop();
    }
    output = capture.lines.join('\n');
    lineCount = capture.lines.length;
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await world.stop();
    await stripe.stop();
  });

  it('ran every delivery and call of the mix to its expected answer', () => {
    expect(Object.fromEntries(statuses)).toEqual({
      'webhook applied': 200,
      'webhook duplicate': 200,
      'webhook wrong secret': 400,
      'webhook stale': 400,
      'webhook store failure': 503,
      'webhook redelivery': 200,
      'api config': 200,
      'api subscription': 200,
      'api bad token': 401,
      'api stripe failure': 502,
      'api store failure': 503,
    });
    expect(authorizationsSeenByStripe).toContain(
      `Bearer ${FAULT_SECRETS.STRIPE_SECRET_KEY}`,
    );
  });

  it('captured the log lines of both services, so the checks below can fail', () => {
    expect(lineCount).toBeGreaterThan(10);
    expect(output).toContain('evt_logs_flaky');
    expect(output).toContain('"service":"webhook"');
    expect(output).toContain('"service":"billing-api"');
    expect(output).toContain('store_unavailable');
  });

  it.each(Object.entries(FAULT_SECRETS))('never writes %s', (_name, value) => {
    expect(output).not.toContain(value);
  });

  it('never writes a bearer token', () => {
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) {
      expect(output).not.toContain(token);
      expect(output).not.toContain(token.split('.')[2]);
    }
  });

  it('never writes a Stripe-Signature header or its signatures', () => {
    expect(signatures.length).toBeGreaterThan(0);
    for (const signature of signatures) {
      expect(output).not.toContain(signature);
    }
  });
});
