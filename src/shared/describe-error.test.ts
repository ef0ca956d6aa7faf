import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';

import { describeError } from './describe-error.js';

describe('Function: describeError', () => {
  it('keeps the name, message, status and request id of a Stripe error', () => {
    const stripeError = new Stripe.errors.StripeCardError({
      type: 'card_error',
      message: 'Your card was declined.',
      code: 'card_declined',
      statusCode: 402,
      requestId: 'req_123',
      headers: { 'set-cookie': 'session=private' },
      raw: { payment_method: { billing_details: { name: 'Ada Lovelace' } } },
    } as never);
    const wrapped = new Error('Stripe refused checkout', {
      cause: stripeError,
    });

    const summary = describeError(wrapped);

    expect(summary.cause).toMatchObject({
      name: 'StripeCardError',
      code: 'card_declined',
      statusCode: 402,
      requestId: 'req_123',
    });
    const text = JSON.stringify(summary);
    expect(text).not.toContain('Ada Lovelace');
    expect(text).not.toContain('session=private');
  });

  it('stops following causes after a few levels', () => {
    let error = new Error('root');
    for (let level = 0; level < 10; level += 1) {
      error = new Error(`level ${level}`, { cause: error });
    }

    const summary = describeError(error);

    expect(summary.cause?.cause?.cause?.cause).toBeUndefined();
  });
});
