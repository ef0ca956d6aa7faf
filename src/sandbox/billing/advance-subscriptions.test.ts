import { describe, expect, it } from 'vitest';

import { buildCustomer } from '../objects/build-customer.js';
import { buildTestClock } from '../objects/build-test-clock.js';
import {
  DEFAULT_BILLING_SETTINGS,
  SandboxContext,
} from '../sandbox-context.js';
import { seedCatalog } from '../seed-catalog.js';
import { CardBehaviour, SandboxState } from '../state/sandbox-state.js';
import { TEST_PLANS } from '../test-support/sandbox-test-kit.js';
import { advanceSubscriptions } from './advance-time.js';
import { EventRecorder } from './event-recorder.js';
import { startSubscription } from './start-subscription.js';

const START = 1_799_971_200;
const DAY = 86_400;

function makeContext() {
  const state = new SandboxState();
  const events = new EventRecorder(state);
  const context = new SandboxContext(
    state,
    events,
    () => START * 1000,
    DEFAULT_BILLING_SETTINGS,
    () => {},
  );
  seedCatalog(context, TEST_PLANS);
  return context;
}

function subscribeMany(context: SandboxContext, count: number) {
  const clock = context.state.testClocks.add(
    buildTestClock({ created: START, frozenTime: START, name: 'load' }),
  );
  const price = context.state.prices.get('price_pro_month');
  if (!price) throw new Error('test catalog not seeded');
  for (let index = 0; index < count; index += 1) {
    const customer = context.state.addCustomer(
      buildCustomer({ created: START, testClock: clock.id }),
    );
    context.state.cards.set(customer.id, {
      paymentMethodId: `pm_${index}`,
      behaviour:
        index % 10 === 0
          ? CardBehaviour.failsAfterAttach
          : CardBehaviour.succeeds,
    });
    startSubscription(context, {
      customer,
      lines: [{ price, quantity: 1 }],
      metadata: {},
      trialPeriodDays: null,
    });
  }
  return clock;
}

describe('Function: advanceSubscriptions', () => {
  it('renews every subscription on one clock, failing the declining cards', () => {
    const context = makeContext();
    const clock = subscribeMany(context, 2_000);
    const ids = context.state.subscriptionsByClock.get(clock.id);

    const steps = advanceSubscriptions(context, ids, START + 32 * DAY);

    const statuses = new Map<string, number>();
    for (const subscription of context.state.subscriptions.values()) {
      statuses.set(
        subscription.status,
        (statuses.get(subscription.status) ?? 0) + 1,
      );
    }
    expect(steps).toBe(2_000);
    expect(statuses.get('active')).toBe(1_800);
    expect(statuses.get('past_due')).toBe(200);
  });

  it('handles moments in time order across subscriptions', () => {
    const context = makeContext();
    const clock = subscribeMany(context, 3);
    const ids = context.state.subscriptionsByClock.get(clock.id);
    const moments: number[] = [];

    advanceSubscriptions(context, ids, START + 70 * DAY, (at) =>
      moments.push(at),
    );

    expect(moments).toEqual([...moments].sort((a, b) => a - b));
    expect(moments.length).toBeGreaterThan(3);
  });
});
