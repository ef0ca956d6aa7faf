import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/storm/plan-deliveries.js';
import { EnvironmentSecretsSource } from '../../src/config/stripe-secrets.js';
import { mapWithConcurrency } from '../../src/ops/map-with-concurrency.js';
import type { SandboxHandle } from '../../src/sandbox/index.js';
import {
  completeSession,
  openSession,
  startTestSandbox,
} from '../../src/sandbox/test-support/sandbox-test-kit.js';
import { DynamoCustomerStore } from '../../src/storage/dynamo/customer-store.js';
import { makeDocumentClient } from '../../src/storage/dynamo/make-document-client.js';
import {
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../../src/storage/embedded/embedded-dynamo.js';
import {
  type EmbeddedS3,
  startEmbeddedS3,
} from '../../src/storage/embedded/embedded-s3.js';
import { makeWebhookService } from '../../src/webhook/make-webhook-service.js';
import { SdkStripeObjectReader } from '../../src/webhook/sdk-stripe-object-reader.js';
import type { StripeObjectReader } from '../../src/webhook/stripe-object-reader.js';
import {
  makeTestConfig,
  TEST_SECRETS,
} from '../../src/webhook/testing/webhook-harness.js';
import { originalId, permutations, rewriteIds } from './support/rewrite-ids.js';

const DAY = 86_400;
const LIFECYCLE_TYPES = [
  'checkout.session.completed',
  'customer.subscription.created',
  'invoice.paid',
  'customer.subscription.updated',
  'invoice.payment_failed',
  'customer.subscription.deleted',
] as const;

interface Lifecycle {
  readonly events: Stripe.Event[];
  readonly ids: string[];
  readonly subscription: Stripe.Subscription;
  readonly latestInvoiceId: string;
  readonly customerId: string;
}

/**
 * Lives one subscription through the sandbox: checkout on a card that
 * fails on renewal, a plan change a day later, a failed renewal, and the
 * cancellation; answers the first event of each lifecycle type and
 * Stripe's final objects.
 */
async function liveLifecycle(
  sandbox: SandboxHandle,
  stripe: Stripe,
): Promise<Lifecycle> {
  const start = Math.floor(Date.now() / 1000);
  const clock = await stripe.testHelpers.testClocks.create({
    frozen_time: start,
  });
  const { customer, session } = await openSession(stripe, {
    testClock: clock.id,
  });
  await completeSession(sandbox, session.id, 'pm_card_chargeCustomerFail');
  const subscriptionId = String(
    (await stripe.checkout.sessions.retrieve(session.id)).subscription,
  );
  await stripe.testHelpers.testClocks.advance(clock.id, {
    frozen_time: start + DAY,
  });
  const current = await stripe.subscriptions.retrieve(subscriptionId);
  await stripe.subscriptions.update(subscriptionId, {
    items: [{ id: current.items.data[0]?.id, price: 'price_team_month' }],
  });
  await stripe.testHelpers.testClocks.advance(clock.id, {
    frozen_time: start + 32 * DAY,
  });
  await stripe.subscriptions.cancel(subscriptionId);

  const all: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) all.push(event);
  const ofCustomer = all.reverse().filter((event) => {
    const object = event.data.object as { customer?: unknown };
    return object.customer === customer.id;
  });
  const events = LIFECYCLE_TYPES.map((type) => {
    const found = ofCustomer.filter((event) => event.type === type);
    const chosen =
      type === 'customer.subscription.updated'
        ? found.find((event) => event.created === start + DAY)
        : found[0];
    if (!chosen) throw new Error(`The sandbox emitted no ${type}`);
    return chosen;
  });
  const failed = events[4]?.data.object as Stripe.Invoice;
  const ids = [
    customer.id,
    subscriptionId,
    session.id,
    ...events.map((e) => e.id),
  ];
  for (const event of events)
    ids.push((event.data.object as { id: string }).id);
  return {
    events,
    ids: [...new Set(ids)],
    subscription: await stripe.subscriptions.retrieve(subscriptionId),
    latestInvoiceId: failed.id,
    customerId: customer.id,
  };
}

/**
 * Reads Stripe's objects through the SDK, mapping a replay's ids (`_p<n>`
 * suffix) back to the sandbox's, and the answer's ids forth again.
 */
function replayReader(stripe: Stripe, ids: string[]): StripeObjectReader {
  const sdk = new SdkStripeObjectReader(async () => stripe);
  const suffixOf = (id: string) => /_p\d+$/.exec(id)?.[0] ?? '';
  return {
    retrieveSubscription: async (id) => {
      const suffix = suffixOf(id);
      const found = await sdk.retrieveSubscription(originalId(id, suffix));
      return rewriteIds(found, ids, suffix);
    },
    retrieveInvoice: async (id) => {
      const suffix = suffixOf(id);
      const found = await sdk.retrieveInvoice(originalId(id, suffix));
      return rewriteIds(found, ids, suffix);
    },
  };
}

/**
 * The orders replayed: all 720 (about two minutes on the embedded dynalite
 * of a busy 2-core machine). `FAULT_ORDERS=sample` replays every sixth
 * order instead, for a quicker local run.
 */
function chooseOrders(all: number[][]): number[][] {
  if (process.env.FAULT_ORDERS !== 'sample') return all;
  return all.filter((_, index) => index % 6 === 0);
}

describe('Fault suite: every delivery order of a lifecycle', () => {
  let sandbox: SandboxHandle;
  let stripe: Stripe;
  let dynamo: EmbeddedDynamo;
  let s3: EmbeddedS3;
  let lifecycle: Lifecycle;

  beforeAll(async () => {
    ({ sandbox, stripe } = await startTestSandbox());
    const config = makeTestConfig('', '');
    dynamo = await startEmbeddedDynamo({ tables: config.tables });
    s3 = await startEmbeddedS3({ bucket: config.invoicesBucket });
    lifecycle = await liveLifecycle(sandbox, stripe);
  });

  afterAll(async () => {
    await Promise.all([sandbox.stop(), dynamo.stop(), s3.stop()]);
  });

  it("ends in Stripe's final state whatever the order of the six events, with seeded duplicates", async () => {
    const orders = chooseOrders(permutations([0, 1, 2, 3, 4, 5]));
    const random = seededRandom(720);
    const config = makeTestConfig(dynamo.endpoint, s3.endpoint);
    const service = makeWebhookService({
      config,
      secrets: new EnvironmentSecretsSource(TEST_SECRETS),
      reader: replayReader(stripe, lifecycle.ids),
    });
    const documents = makeDocumentClient({
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
    });
    const store = new DynamoCustomerStore(documents, config.tables.customers);

    const results = await mapWithConcurrency(
      orders,
      16,
      async (order, index) => {
        const suffix = `_p${index}`;
        const events = rewriteIds(lifecycle.events, lifecycle.ids, suffix);
        const plan = order.map((position) => events[position] as Stripe.Event);
        for (const event of [...plan]) {
          if (random() < 0.3)
            plan.splice(1 + Math.floor(random() * plan.length), 0, event);
        }
        for (const event of plan) await service.processor.process(event);
        const record = await store.getCustomer(
          `${lifecycle.customerId}${suffix}`,
        );
        const stored =
          record?.subscriptions[`${lifecycle.subscription.id}${suffix}`];
        return {
          status: stored?.status,
          priceId: stored?.priceId,
          periodEnd: stored?.currentPeriodEnd,
          latestInvoiceId: record?.latestInvoice?.invoiceId.replace(suffix, ''),
          paymentStatus: record?.latestInvoice?.paymentStatus,
        };
      },
    );

    const item = lifecycle.subscription.items.data[0];
    const expected = {
      status: lifecycle.subscription.status,
      priceId: item?.price.id,
      periodEnd: item?.current_period_end,
      latestInvoiceId: lifecycle.latestInvoiceId,
      paymentStatus: 'failed',
    };
    const wrong = results.filter(
      (result) => JSON.stringify(result) !== JSON.stringify(expected),
    );
    documents.destroy();
    expect(expected.status).toBe('canceled');
    expect(results).toHaveLength(orders.length);
    expect(wrong).toEqual([]);
  }, 240_000);
});
