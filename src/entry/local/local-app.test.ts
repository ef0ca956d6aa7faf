import { Logger } from '@aws-lambda-powertools/logger';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';

import { createLocalIssuer } from './dev-token.js';
import { createLocalApp, ReadinessGate } from './local-app.js';

/** A stand-in service that says which app answered. */
function namedApp(name: string): Hono {
  const app = new Hono();
  app.all('*', (c) => c.json({ answeredBy: name, path: c.req.path }));
  return app;
}

describe('Class: ReadinessGate', () => {
  it('answers 503 on /healthz and every route until it opens', async () => {
    const gate = new ReadinessGate();

    const health = await gate.fetch(new Request('http://local/healthz'));
    const page = await gate.fetch(new Request('http://local/'));

    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'starting' });
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('1');
  });

  it('answers 200 on /healthz and hands requests over once open', async () => {
    const gate = new ReadinessGate();

    gate.open(namedApp('stack'));
    const health = await gate.fetch(new Request('http://local/healthz'));
    const page = await gate.fetch(new Request('http://local/anything'));

    expect(gate.isReady).toBe(true);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await page.json()).toMatchObject({ answeredBy: 'stack' });
  });
});

describe('Function: createLocalApp', () => {
  let app: Hono;

  beforeAll(async () => {
    app = await createLocalApp({
      webhook: namedApp('webhook'),
      billingApi: namedApp('billing-api'),
      issuer: await createLocalIssuer({
        issuer: 'http://127.0.0.1:4242/dev',
        audience: 'billing-api-local',
      }),
      logger: new Logger({ logLevel: 'SILENT' }),
    });
  });

  it.each([
    ['/webhook', 'webhook'],
    ['/api/billing/subscription', 'billing-api'],
    ['/api/billing/openapi.json', 'billing-api'],
  ])('hands %s to the %s app whole', async (path, name) => {
    const response = await app.request(path, { method: 'POST' });

    expect(await response.json()).toEqual({ answeredBy: name, path });
  });

  it('issues tokens on /dev/token', async () => {
    const response = await app.request('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'user-1' }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ token: expect.any(String) });
  });

  it('answers 400 in the project format for a bad /dev/token body', async () => {
    const response = await app.request('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: '' }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_request' },
    });
  });

  it('serves the demo page and answers 404 in JSON elsewhere', async () => {
    const page = await app.request('/');
    const missing = await app.request('/nothing-here');

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      error: { code: 'not_found' },
    });
  });
});
