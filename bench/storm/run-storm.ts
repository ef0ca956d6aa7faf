import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type Stripe from 'stripe';

import type { CustomerRecord } from '../../src/domain/customer-record.js';
import { mapWithConcurrency } from '../../src/ops/map-with-concurrency.js';
import { BENCH_SECRETS } from '../bench-config.js';
import { round } from '../measure/measure-costs.js';
import {
  makeSandboxClient,
  producePopulation,
} from '../population/produce-population.js';
import { type SignedDelivery, signEvent } from '../product/signed-delivery.js';
import type { World } from '../world/start-world.js';
import { planDeliveries } from './plan-deliveries.js';

/** Deliveries in flight at once, as in the figure to beat. */
export const IN_FLIGHT = 50;

/** What {@link runStorm} found. */
export interface StormResult {
  /** Distinct renewal events delivered. */
  readonly events: number;
  /** Deliveries made, duplicates and retries of 409/5xx included. */
  readonly deliveries: number;
  readonly eventsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Events not done in the ledger, plus stored states unlike Stripe's. */
  readonly lost: number;
  /** Handler runs beyond one per event, plus ledger items claimed twice. */
  readonly doubleApplied: number;
  readonly answers: Record<string, number>;
  readonly stack: string;
}

/**
 * A renewal storm: subscribers are signed up in the sandbox (their
 * sign-up events applied first, untimed), the test clock is advanced so
 * the sandbox renews them, and the renewal events (with 20% delivered
 * twice, seeded) are signed and posted over HTTP, 50 in flight, to the
 * `/webhook` of the world's local stack (`startLocalStack`, as `npm start`
 * serves it, with its own embedded stores).
 * 409 and 5xx answers are delivered again afterwards, as Stripe retries.
 * Then every stored subscription and latest invoice is compared with the
 * sandbox's objects, and the ledger is checked for events claimed twice
 * (the stack's metrics cannot be reached from here).
 */
export async function runStorm(
  world: World,
  targetEvents: number,
): Promise<StormResult> {
  const months = 3;
  const population = await producePopulation({
    sandboxPort: world.sandboxPort,
    subscribers: Math.ceil(targetEvents / (3 * months)),
    months,
    label: `storm${targetEvents}`,
  });
  const url = `${world.stack.url}/webhook`;
  const secret = BENCH_SECRETS.STRIPE_WEBHOOK_SECRET;
  const signUps = population.signUpEvents.map((e) => signEvent(e, secret));
  await deliverAll(url, signUps, []);

  const renewals = population.renewalEvents.map((e) => signEvent(e, secret));
  const plan = planDeliveries(renewals, 0.2, 20261203);
  const latencies: number[] = [];
  const answers: Record<string, number> = {};
  const started = performance.now();
  await deliverAll(url, plan, latencies, answers);
  const seconds = (performance.now() - started) / 1000;

  const truth = await compareWithSandbox(world, population.customerIds);
  const ledger = await scanLedger(world, renewals);
  return {
    events: renewals.length,
    deliveries: latencies.length,
    eventsPerSecond: round(renewals.length / seconds),
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    lost: ledger.notDone + truth.mismatches,
    doubleApplied: ledger.claimedTwice,
    answers,
    stack:
      'startLocalStack (the npm start server: webhook, dynalite, s3rver) ' +
      'in a second process with the Stripe sandbox; the client alone here',
  };
}

async function deliverAll(
  url: string,
  deliveries: readonly SignedDelivery[],
  latencies: number[],
  answers: Record<string, number> = {},
): Promise<void> {
  let pending = [...deliveries];
  for (let round = 0; pending.length > 0 && round < 5; round++) {
    const retry: SignedDelivery[] = [];
    await mapWithConcurrency(pending, IN_FLIGHT, async (delivery) => {
      const started = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': delivery.header,
        },
        body: delivery.payload,
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      const key = String(response.status);
      answers[key] = (answers[key] ?? 0) + 1;
      if (response.status === 409 || response.status >= 500) {
        retry.push(delivery);
      }
    });
    pending = retry;
  }
  if (pending.length > 0) {
    throw new Error(`${pending.length} deliveries never succeeded`);
  }
}

/** Stored subscriptions and latest invoices that differ from Stripe's. */
async function compareWithSandbox(world: World, customerIds: string[]) {
  const stripe = makeSandboxClient(world.sandboxPort);
  const stored = new Map(
    (await scanTable<CustomerRecord>(world, world.stack.customersTable)).map(
      (record) => [record.customerId, record],
    ),
  );
  const wanted = new Set(customerIds);
  let mismatches = 0;
  for await (const subscription of stripe.subscriptions.list({
    status: 'all',
    limit: 100,
  })) {
    const customerId = subscription.customer as string;
    if (!wanted.has(customerId)) continue;
    const record = stored.get(customerId)?.subscriptions[subscription.id];
    const periodEnd = subscription.items.data[0]?.current_period_end ?? null;
    const isEqual =
      record?.status === subscription.status &&
      record.currentPeriodEnd === periodEnd &&
      record.priceId === (subscription.items.data[0]?.price.id ?? null);
    if (!isEqual) mismatches++;
  }
  const latest = await latestInvoices(stripe, wanted);
  for (const [customerId, invoiceId] of latest) {
    if (stored.get(customerId)?.latestInvoice?.invoiceId !== invoiceId) {
      mismatches++;
    }
  }
  return { mismatches };
}

async function latestInvoices(stripe: Stripe, customers: Set<string>) {
  const newest = new Map<string, Stripe.Invoice>();
  for await (const invoice of stripe.invoices.list({ limit: 100 })) {
    const customerId = invoice.customer as string;
    if (!customers.has(customerId)) continue;
    const current = newest.get(customerId);
    const isNewer =
      !current ||
      invoice.created > current.created ||
      (invoice.created === current.created && invoice.id > current.id);
    if (isNewer) newest.set(customerId, invoice);
  }
  return new Map([...newest].map(([customer, inv]) => [customer, inv.id]));
}

async function scanLedger(world: World, deliveries: SignedDelivery[]) {
  const items = await scanTable<{
    eventId: string;
    status: string;
    attempts: number;
  }>(world, world.stack.eventsTable);
  const byId = new Map(items.map((item) => [item.eventId, item]));
  let notDone = 0;
  let claimedTwice = 0;
  for (const delivery of deliveries) {
    const item = byId.get(delivery.eventId);
    if (item?.status !== 'done') notDone++;
    if ((item?.attempts ?? 0) > 1) claimedTwice++;
  }
  return { notDone, claimedTwice };
}

async function scanTable<T>(world: World, table: string): Promise<T[]> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: world.stack.dynamodbEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start }),
    );
    items.push(...((page.Items ?? []) as T[]));
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return items;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(
    sorted.length - 1,
    Math.floor(fraction * sorted.length),
  );
  return sorted[index] ?? 0;
}
