import Stripe from 'stripe';

import { BENCH_SECRETS } from '../bench-config.js';
import { producePopulation } from '../population/produce-population.js';
import { makeBenchService } from '../product/make-bench-service.js';
import {
  deliverInProcess,
  type SignedDelivery,
  signEvent,
} from '../product/signed-delivery.js';
import type { World } from '../world/start-world.js';
import { round } from './measure-costs.js';

/** What {@link measureCpu} found; times in microseconds of CPU. */
export interface CpuResult {
  /** Product CPU per event (user + system) over the floor's. */
  readonly ratio: number;
  readonly productMicrosPerEvent: number;
  readonly floorMicrosPerEvent: number;
  /** Events measured (after the warm-up). */
  readonly events: number;
}

/** How many times the floor loop goes over the payloads. */
const FLOOR_ROUNDS = 20;

/**
 * Measures the product's CPU per event against the floor, in one process
 * (`process.cpuUsage()`): the product is the webhook app as
 * `makeWebhookService` wires it, called with `app.request()`, with its
 * DynamoDB, S3 and Stripe clients talking over loopback HTTP to the world
 * process, whose CPU is not counted. The product's figure therefore
 * includes the AWS SDK's and Stripe SDK's own work (marshalling, request
 * signing, HTTP) that a Lambda would spend too. The floor is
 * `Stripe.webhooks.constructEvent` alone on the same payloads and headers.
 * Payloads are signed before timing; the first quarter warms the code up.
 */
export async function measureCpu(
  world: World,
  subscribers: number,
): Promise<CpuResult> {
  const population = await producePopulation({
    sandboxPort: world.sandboxPort,
    subscribers,
    months: 2,
    label: 'cpu',
  });
  const secret = BENCH_SECRETS.STRIPE_WEBHOOK_SECRET;
  const deliveries = [
    ...population.signUpEvents,
    ...population.renewalEvents,
  ].map((event) => signEvent(event, secret));
  const warmUp = deliveries.slice(0, Math.floor(deliveries.length / 4));
  const measured = deliveries.slice(warmUp.length);

  const { app } = makeBenchService({
    dynamodbEndpoint: world.dynamodbEndpoint,
    s3Endpoint: world.s3Endpoint,
    stripePort: world.sandboxPort,
  });
  for (const delivery of warmUp) await deliverChecked(app, delivery);
  const productStart = process.cpuUsage();
  for (const delivery of measured) await deliverChecked(app, delivery);
  const product = totalMicros(process.cpuUsage(productStart));

  verifyAll(warmUp, secret);
  const floorStart = process.cpuUsage();
  for (let round = 0; round < FLOOR_ROUNDS; round++) {
    verifyAll(measured, secret);
  }
  const floor = totalMicros(process.cpuUsage(floorStart));

  const productPerEvent = product / measured.length;
  const floorPerEvent = floor / (measured.length * FLOOR_ROUNDS);
  return {
    ratio: round(productPerEvent / floorPerEvent),
    productMicrosPerEvent: round(productPerEvent),
    floorMicrosPerEvent: round(floorPerEvent),
    events: measured.length,
  };
}

async function deliverChecked(
  app: Parameters<typeof deliverInProcess>[0],
  delivery: SignedDelivery,
): Promise<void> {
  const status = await deliverInProcess(app, delivery);
  if (status !== 200) {
    throw new Error(`Event ${delivery.eventId} got ${status}`);
  }
}

function verifyAll(deliveries: readonly SignedDelivery[], secret: string) {
  for (const delivery of deliveries) {
    Stripe.webhooks.constructEvent(delivery.payload, delivery.header, secret);
  }
}

function totalMicros(usage: NodeJS.CpuUsage): number {
  return usage.user + usage.system;
}
