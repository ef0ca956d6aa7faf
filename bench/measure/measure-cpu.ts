import Stripe from 'stripe';

import { BENCH_SECRETS } from '../bench-config.js';
import { producePopulation } from '../population/produce-population.js';
import { InMemoryDocumentClient } from '../product/in-memory-document-client.js';
import { InMemoryInvoiceArchive } from '../product/in-memory-invoice-archive.js';
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
  /**
   * The product's own CPU per event over the floor's: stores in memory at
   * the document-client level, so neither the SDK's HTTP work nor a
   * store's is counted (the issue's `cpuRatio`).
   */
  readonly ratio: number;
  readonly productMicrosPerEvent: number;
  readonly floorMicrosPerEvent: number;
  /**
   * The same events end to end: the SDK clients over loopback HTTP to the
   * world's dynalite and s3rver (their CPU not counted), over the floor.
   */
  readonly endToEndRatio: number;
  readonly endToEndMicrosPerEvent: number;
  /** Events measured (after the warm-up). */
  readonly events: number;
}

/** How many times the floor loop goes over the payloads. */
const FLOOR_ROUNDS = 20;

/**
 * Measures the product's CPU per event against the floor, in one process
 * (`process.cpuUsage()`), twice over the same signed events, each time in
 * a fresh service wired by `makeWebhookService` and called with
 * `app.request()`:
 * - `ratio`: the ledger and customer stores on an in-memory document
 *   client and the invoice archive in memory, so what is counted is the
 *   product's own path: Hono, verification, the ledger and state
 *   decisions, marshalling, the invoice's serialization;
 * - `endToEndRatio`: the SDK clients over loopback HTTP to the world's
 *   dynalite and s3rver (whose CPU is not counted), so the AWS SDK's own
 *   work (middleware, SigV4, HTTP) is counted too, as a Lambda spends it.
 * Stripe reads on ties go to the world's sandbox in both. The floor is
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

  const endToEnd = await timeProduct(
    makeBenchService({
      dynamodbEndpoint: world.dynamodbEndpoint,
      s3Endpoint: world.s3Endpoint,
      stripePort: world.sandboxPort,
    }).app,
    warmUp,
    measured,
  );
  const product = await timeProduct(
    makeBenchService(
      {
        dynamodbEndpoint: world.dynamodbEndpoint,
        s3Endpoint: world.s3Endpoint,
        stripePort: world.sandboxPort,
      },
      undefined,
      {
        documents: new InMemoryDocumentClient().asDocumentClient(),
        archive: new InMemoryInvoiceArchive(),
      },
    ).app,
    warmUp,
    measured,
  );

  verifyAll(warmUp, secret);
  const floorStart = process.cpuUsage();
  for (let round = 0; round < FLOOR_ROUNDS; round++) {
    verifyAll(measured, secret);
  }
  const floor = totalMicros(process.cpuUsage(floorStart));

  const productPerEvent = product / measured.length;
  const endToEndPerEvent = endToEnd / measured.length;
  const floorPerEvent = floor / (measured.length * FLOOR_ROUNDS);
  return {
    ratio: round(productPerEvent / floorPerEvent),
    productMicrosPerEvent: round(productPerEvent),
    floorMicrosPerEvent: round(floorPerEvent),
    endToEndRatio: round(endToEndPerEvent / floorPerEvent),
    endToEndMicrosPerEvent: round(endToEndPerEvent),
    events: measured.length,
  };
}

/** CPU microseconds of delivering `measured`, after `warmUp`, in order. */
async function timeProduct(
  app: Parameters<typeof deliverInProcess>[0],
  warmUp: readonly SignedDelivery[],
  measured: readonly SignedDelivery[],
): Promise<number> {
  for (const delivery of warmUp) await deliverChecked(app, delivery);
  const start = process.cpuUsage();
  for (const delivery of measured) await deliverChecked(app, delivery);
  return totalMicros(process.cpuUsage(start));
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
