import type Stripe from 'stripe';

import { fixtureTemplate } from '../fixtures/stripe-fixtures.js';
import { makeId } from '../ids.js';
import { ID_FIRST } from './id-first.js';

/** Test clocks are deleted 30 days after creation on Stripe (seconds). */
export const TEST_CLOCK_LIFETIME_SECONDS = 30 * 24 * 60 * 60;

/** Builds a ready test clock frozen at a time (unix seconds). */
export function buildTestClock(input: {
  readonly created: number;
  readonly frozenTime: number;
  readonly name: string | null;
}): Stripe.TestHelpers.TestClock {
  const template = fixtureTemplate(
    'test_helpers.test_clock',
  ) as unknown as Stripe.TestHelpers.TestClock;
  return {
    ...ID_FIRST,
    ...template,
    id: makeId('clock', 24),
    object: 'test_helpers.test_clock',
    created: input.created,
    deletes_after: input.created + TEST_CLOCK_LIFETIME_SECONDS,
    frozen_time: input.frozenTime,
    livemode: false,
    name: input.name,
    status: 'ready',
    status_details: {},
  };
}
