import SwaggerParser from '@apidevtools/swagger-parser';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OPENAPI_PATH } from './billing-api-app.js';
import {
  type BillingApiHarness,
  startBillingApiHarness,
  TEST_AUDIENCE,
  TEST_ISSUER,
  TEST_NOW_MS,
  TEST_ORIGIN,
  TEST_PUBLISHABLE_KEY,
} from './testing/billing-api-harness.js';

const SUBSCRIPTION = '/api/billing/subscription';

describe('Function: createBillingApiApp', () => {
  let harness: BillingApiHarness;

  beforeAll(async () => {
    harness = await startBillingApiHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  describe('GET /api/billing/config', () => {
    it('answers the publishable key and the plans without a token', async () => {
      const response = await harness.app.request('/api/billing/config');

      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body.publishableKey).toBe(TEST_PUBLISHABLE_KEY);
      expect(body.plans).toEqual([
        {
          key: 'starter',
          name: 'Starter',
          trialDays: null,
          prices: [{ interval: 'month', amount: 900, currency: 'usd' }],
          entitlements: ['projects:3'],
        },
        {
          key: 'pro',
          name: 'Pro',
          trialDays: 14,
          prices: [
            { interval: 'month', amount: 2900, currency: 'usd' },
            { interval: 'year', amount: 29000, currency: 'usd' },
          ],
          entitlements: ['projects:unlimited', 'export:csv'],
        },
      ]);
      expect(JSON.stringify(body)).not.toContain('price_');
    });
  });

  describe('authentication', () => {
    function sign(claims: { iss?: string; aud?: string; exp?: number }) {
      const nowSeconds = Math.floor(TEST_NOW_MS / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('user_a')
        .setIssuer(claims.iss ?? TEST_ISSUER)
        .setAudience(claims.aud ?? TEST_AUDIENCE)
        .setIssuedAt(nowSeconds - 60)
        .setExpirationTime(claims.exp ?? nowSeconds + 3600)
        .sign(harness.privateKey);
    }

    async function requestWith(authorization: string | undefined) {
      return harness.app.request(SUBSCRIPTION, {
        headers: authorization ? { authorization } : {},
      });
    }

    it('answers 200 with a valid token', async () => {
      const response = await requestWith(`Bearer ${await sign({})}`);

      expect(response.status).toBe(200);
    });

    it('answers 401 when the token is missing', async () => {
      const response = await requestWith(undefined);

      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        error: { code: 'unauthorized' },
      });
    });

    it('answers 401 when the token expired', async () => {
      const expired = await sign({ exp: Math.floor(TEST_NOW_MS / 1000) - 120 });

      const response = await requestWith(`Bearer ${expired}`);

      expect(response.status).toBe(401);
    });

    it('answers 401 for a valid token once the clock passes its expiry', async () => {
      const token = await sign({});
      harness.setNow(TEST_NOW_MS + 2 * 3600 * 1000);

      const response = await requestWith(`Bearer ${token}`);
      harness.setNow(TEST_NOW_MS);

      expect(response.status).toBe(401);
    });

    it('answers 401 when the issuer is not the configured one', async () => {
      const token = await sign({ iss: 'https://other.example' });

      const response = await requestWith(`Bearer ${token}`);

      expect(response.status).toBe(401);
    });

    it('answers 401 when the audience is not the configured one', async () => {
      const token = await sign({ aud: 'another-api' });

      const response = await requestWith(`Bearer ${token}`);

      expect(response.status).toBe(401);
    });

    it('answers 401 when the subject has surrounding whitespace', async () => {
      const token = await harness.tokenFor(' user_a ');

      const response = await requestWith(`Bearer ${token}`);

      expect(response.status).toBe(401);
    });

    it('answers 401 for an unsigned token (alg none)', async () => {
      const token = new UnsecuredJWT({})
        .setSubject('user_a')
        .setIssuer(TEST_ISSUER)
        .setAudience(TEST_AUDIENCE)
        .setExpirationTime(Math.floor(TEST_NOW_MS / 1000) + 3600)
        .encode();

      const response = await requestWith(`Bearer ${token}`);

      expect(response.status).toBe(401);
    });

    it('answers 401 when the payload was tampered with', async () => {
      const [header, , signature] = (await sign({})).split('.');
      const forged = Buffer.from(
        JSON.stringify({
          sub: 'user_b',
          iss: TEST_ISSUER,
          aud: TEST_AUDIENCE,
          exp: Math.floor(TEST_NOW_MS / 1000) + 3600,
        }),
      ).toString('base64url');

      const response = await requestWith(
        `Bearer ${header}.${forged}.${signature}`,
      );

      expect(response.status).toBe(401);
    });

    it('answers 401 for a token signed by another key', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('user_a')
        .setIssuer(TEST_ISSUER)
        .setAudience(TEST_AUDIENCE)
        .setExpirationTime(Math.floor(TEST_NOW_MS / 1000) + 3600)
        .sign(privateKey);

      const response = await requestWith(`Bearer ${token}`);

      expect(response.status).toBe(401);
    });
  });

  describe('CORS', () => {
    it('answers a preflight from an allowed origin', async () => {
      const response = await harness.app.request(
        '/api/billing/checkout-session',
        {
          method: 'OPTIONS',
          headers: {
            origin: TEST_ORIGIN,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type',
          },
        },
      );

      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(
        TEST_ORIGIN,
      );
      expect(response.headers.get('access-control-allow-headers')).toMatch(
        /authorization/i,
      );
      expect(response.headers.get('access-control-allow-methods')).toContain(
        'POST',
      );
    });

    it('gives no allow-origin to a preflight from another origin', async () => {
      const response = await harness.app.request(
        '/api/billing/checkout-session',
        {
          method: 'OPTIONS',
          headers: {
            origin: 'https://evil.example',
            'access-control-request-method': 'POST',
          },
        },
      );

      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('allows a simple request from an allowed origin', async () => {
      const response = await harness.app.request('/api/billing/config', {
        headers: { origin: TEST_ORIGIN },
      });

      expect(response.headers.get('access-control-allow-origin')).toBe(
        TEST_ORIGIN,
      );
      expect(response.headers.get('vary')).toContain('Origin');
    });

    it('gives no allow-origin to a simple request from another origin', async () => {
      const response = await harness.app.request('/api/billing/config', {
        headers: { origin: 'https://evil.example' },
      });

      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('keeps the allow-origin header on error answers', async () => {
      const response = await harness.app.request(SUBSCRIPTION, {
        headers: { origin: TEST_ORIGIN },
      });

      expect(response.status).toBe(401);
      expect(response.headers.get('access-control-allow-origin')).toBe(
        TEST_ORIGIN,
      );
    });
  });

  describe('OpenAPI document', () => {
    it('serves a valid document describing every endpoint', async () => {
      const response = await harness.app.request(OPENAPI_PATH);
      const document = (await response.json()) as {
        paths: Record<string, unknown>;
      };

      const validated = await SwaggerParser.validate(
        structuredClone(document) as never,
      );

      expect(validated.info.title).toBe('Billing API');
      expect(Object.keys(document.paths).sort()).toEqual([
        '/api/billing/checkout-session',
        '/api/billing/config',
        '/api/billing/invoices',
        '/api/billing/portal',
        '/api/billing/subscription',
      ]);
    });
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await harness.app.request('/api/billing/nothing');

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { code: 'not_found' },
    });
  });
});
