import { describe, expect, it } from 'vitest';

import {
  isStripeId,
  MAX_EPOCH_SECONDS,
  readCount,
  readFlag,
  readOptionalTime,
  readTime,
  readUserId,
} from './stripe-fields.js';

describe('Module: stripe-fields', () => {
  it.each([
    ['cus_QXg1o8vcGmoR32', true],
    ['cus_evt_seed', true],
    ['cus_', false],
    ['sub_1', false],
    ['cus_a/b', false],
    ['cus_a.b', false],
    [`cus_${'a'.repeat(251)}`, false],
    [42, false],
  ])('judges %s as a customer id: %s', (value, expected) => {
    const result = isStripeId(value, 'cus');

    expect(result).toBe(expected);
  });

  it('accepts times from 0 to 2^32 seconds and refuses the rest', () => {
    const read = (value: unknown) => () => readTime(value, 'created');

    expect(readTime(0, 'created')).toBe(0);
    expect(readTime(MAX_EPOCH_SECONDS, 'created')).toBe(MAX_EPOCH_SECONDS);
    for (const bad of [-1, 1.5, MAX_EPOCH_SECONDS + 1, '1', Number.NaN]) {
      expect(read(bad)).toThrow(
        expect.objectContaining({ reason: 'invalid_time', field: 'created' }),
      );
    }
  });

  it('reads an absent optional time as null', () => {
    const result = readOptionalTime(undefined, 'trial_end');

    expect(result).toBeNull();
  });

  it('reads absent flags as false and refuses strings', () => {
    const read = () => readFlag('yes', 'cancel_at_period_end');

    expect(readFlag(null, 'cancel_at_period_end')).toBe(false);
    expect(read).toThrow(
      expect.objectContaining({ reason: 'invalid_boolean' }),
    );
  });

  it('refuses negative and fractional quantities', () => {
    expect(readCount(0, 'quantity')).toBe(0);
    expect(() => readCount(-1, 'quantity')).toThrow(/invalid_quantity/);
    expect(() => readCount(1.5, 'quantity')).toThrow(/invalid_quantity/);
  });

  it.each([
    ['  user_7  ', 'user_7'],
    ['', undefined],
    [7, undefined],
    [['user_7'], undefined],
    ['user\n7', undefined],
    ['u'.repeat(257), undefined],
  ])('reads the user id %j as %j', (value, expected) => {
    const result = readUserId(value);

    expect(result).toBe(expected);
  });
});
