import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAX_BODY_BYTES } from '../billing-api-app.js';
import {
  type BillingApiHarness,
  startBillingApiHarness,
} from '../testing/billing-api-harness.js';

const PATH = '/api/billing/checkout-session';
const JSON_BODY = JSON.stringify({ plan: 'pro', interval: 'month' });

describe('Route: POST /api/billing/checkout-session (body format)', () => {
  let harness: BillingApiHarness;

  beforeAll(async () => {
    harness = await startBillingApiHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function post(
    userId: string,
    contentType: string | undefined,
    body: string | undefined,
  ) {
    const { authorization } = await harness.authHeaders(userId);
    return harness.app.request(PATH, {
      method: 'POST',
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      ...(body === undefined ? {} : { body }),
    });
  }

  it.each([
    ['text/plain', JSON_BODY],
    ['application/x-www-form-urlencoded', 'plan=pro&interval=month'],
    ['multipart/form-data; boundary=x', '--x--'],
    [undefined, JSON_BODY],
  ])(
    'answers 415 when the Content-Type is %s, creating nothing',
    async (type, body) => {
      const userId = `user_type_${String(type).length}`;

      const response = await post(userId, type, body);

      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({
        error: {
          code: 'unsupported_media_type',
          message: expect.stringContaining('application/json'),
        },
      });
      expect(harness.stripe.customerCalls).toHaveLength(0);
      expect(await harness.claims.getClaim(userId)).toBeUndefined();
    },
  );

  it('answers 400 invalid_request to a request without a body', async () => {
    const response = await post('user_no_body', undefined, undefined);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_request' },
    });
    expect(harness.stripe.customerCalls).toHaveLength(0);
  });

  it('accepts JSON with a charset parameter', async () => {
    const response = await post(
      'user_charset',
      'application/json; charset=utf-8',
      JSON_BODY,
    );

    expect(response.status).toBe(200);
  });

  it('answers 413 payload_too_large to a 30 MB body and creates nothing', async () => {
    const body = `{"plan":"${'p'.repeat(30 * 1024 * 1024)}"}`;

    const response = await post('user_huge', 'application/json', body);

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: `The request body must not exceed ${MAX_BODY_BYTES} bytes.`,
      },
    });
    expect(await harness.claims.getClaim('user_huge')).toBeUndefined();
  });

  it('reads a body of exactly the limit and refuses one byte more', async () => {
    const atLimit = `{"plan":"${'p'.repeat(MAX_BODY_BYTES - 11)}"}`;
    const overLimit = `{"plan":"${'p'.repeat(MAX_BODY_BYTES - 10)}"}`;

    const read = await post('user_limit', 'application/json', atLimit);
    const refused = await post('user_limit', 'application/json', overLimit);

    expect(atLimit.length).toBe(MAX_BODY_BYTES);
    expect(read.status).toBe(400);
    expect(await read.json()).toMatchObject({
      error: { code: 'invalid_request' },
    });
    expect(refused.status).toBe(413);
  });
});
