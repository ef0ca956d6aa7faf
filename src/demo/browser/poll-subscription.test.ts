import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { BillingApiError, type SubscriptionState } from '../../client/index.js';
import { pollSubscription } from './poll-subscription.js';

function stateOf(status: string): SubscriptionState {
  return {
    status,
    plan: status === 'none' ? null : 'starter',
    priceId: null,
    interval: null,
    quantity: 1,
    currentPeriodEnd: null,
    cancelAtPeriodEnd: false,
    trialEnd: null,
    entitlements: [],
    hasAccess: status === 'active',
  };
}

/** A billing API that answers `none` until `confirmedAtMs` has passed. */
function confirmingAfter(confirmedAtMs: number) {
  const start = Date.now();
  return vi.fn(async () =>
    stateOf(Date.now() - start >= confirmedAtMs ? 'active' : 'none'),
  );
}

const isSubscribed = (state: SubscriptionState) => state.status !== 'none';

describe('Function: pollSubscription', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps reading until the webhook has confirmed, 20 s later', async () => {
    const read = confirmingAfter(20_000);
    const onRead = vi.fn();

    const polling = pollSubscription({ read, isDone: isSubscribed, onRead });
    await vi.advanceTimersByTimeAsync(30_000);
    const state = await polling;

    expect(state.status).toBe('active');
    expect(onRead).toHaveBeenLastCalledWith(state);
    expect(read.mock.calls.length).toBeGreaterThan(3);
  });

  it('backs off: far fewer reads than one per 500 ms', async () => {
    const read = confirmingAfter(Number.POSITIVE_INFINITY);

    const polling = pollSubscription({
      read,
      isDone: isSubscribed,
      onRead: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(61_000);
    const state = await polling;

    expect(state.status).toBe('none');
    expect(read.mock.calls.length).toBeGreaterThan(5);
    expect(read.mock.calls.length).toBeLessThan(30);
  });

  it('gives up after about 60 s and answers the last state read', async () => {
    const read = confirmingAfter(Number.POSITIVE_INFINITY);
    let settled = false;

    const polling = pollSubscription({
      read,
      isDone: isSubscribed,
      onRead: () => undefined,
    }).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(50_000);
    const settledEarly = settled;
    await vi.advanceTimersByTimeAsync(15_000);

    expect(settledEarly).toBe(false);
    expect(settled).toBe(true);
    expect((await polling).status).toBe('none');
  });

  it('throws a billing API error at once instead of retrying it', async () => {
    const read = vi.fn(async () => {
      throw new BillingApiError('unauthorized', 401, 'Sign in again.');
    });

    const polling = pollSubscription({
      read,
      isDone: isSubscribed,
      onRead: () => undefined,
    });

    await expect(polling).rejects.toBeInstanceOf(BillingApiError);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
