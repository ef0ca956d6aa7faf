import type Stripe from 'stripe';
import { BENCH_SECRETS } from '../bench-config.js';
import { startCountingProxy } from '../instruments/counting-proxy.js';
import {
  DYNAMO_READS,
  DYNAMO_WRITES,
  labelDynamoRequest,
  labelS3Request,
  labelStripeRequest,
  sumAll,
  sumDynamo,
} from '../instruments/wire-labels.js';
import { producePopulation } from '../population/produce-population.js';
import { makeBenchService } from '../product/make-bench-service.js';
import { deliverInProcess, signEvent } from '../product/signed-delivery.js';
import type { World } from '../world/start-world.js';

/** Round trips of one kind of delivery, averaged, with the largest seen. */
export interface CostRow {
  readonly deliveries: number;
  readonly writes: number;
  readonly reads: number;
  readonly stripeCalls: number;
  readonly s3Calls: number;
  readonly maxWrites: number;
  readonly maxStripeCalls: number;
}

/** What {@link measureCosts} found. */
export interface CostResult {
  /** Means over every first delivery of the mix. */
  readonly mix: CostRow;
  /** Per event type, first deliveries. */
  readonly byType: Record<string, CostRow>;
  /** Redeliveries of events already done. */
  readonly duplicate: CostRow;
  /** The type with the most writes, then Stripe calls, per event. */
  readonly worstType: string;
}

interface Sample {
  writes: number;
  reads: number;
  stripeCalls: number;
  s3Calls: number;
}

/**
 * Counts DynamoDB, S3 and Stripe round trips per event on the wire:
 * proxies stand between the product (wired by `makeWebhookService`) and
 * the world process. A population of every subscriber kind is produced in
 * the sandbox; its events are delivered one at a time in Stripe's order,
 * then each once more as a duplicate.
 */
export async function measureCosts(
  world: World,
  subscribers: number,
): Promise<CostResult> {
  const dynamo = await startCountingProxy({
    target: world.dynamodbEndpoint,
    label: labelDynamoRequest,
  });
  const s3 = await startCountingProxy({
    target: world.s3Endpoint,
    label: labelS3Request,
  });
  const stripe = await startCountingProxy({
    target: `http://127.0.0.1:${world.sandboxPort}`,
    label: labelStripeRequest,
  });
  try {
    const { app } = makeBenchService({
      dynamodbEndpoint: dynamo.url,
      s3Endpoint: s3.url,
      stripePort: stripe.port,
    });
    const population = await producePopulation({
      sandboxPort: world.sandboxPort,
      subscribers,
      months: 2,
      label: 'costs',
    });
    const events = [...population.signUpEvents, ...population.renewalEvents];
    const measure = async (event: Stripe.Event): Promise<Sample> => {
      for (const proxy of [dynamo, s3, stripe]) proxy.reset();
      const delivery = signEvent(event, BENCH_SECRETS.STRIPE_WEBHOOK_SECRET);
      const status = await deliverInProcess(app, delivery);
      if (status !== 200) {
        throw new Error(`Event ${event.id} (${event.type}) got ${status}`);
      }
      return {
        writes: sumDynamo(dynamo.counts, DYNAMO_WRITES),
        reads: sumDynamo(dynamo.counts, DYNAMO_READS),
        stripeCalls: sumAll(stripe.counts),
        s3Calls: sumAll(s3.counts),
      };
    };

    const byType = new Map<string, Sample[]>();
    const all: Sample[] = [];
    for (const event of events) {
      const sample = await measure(event);
      all.push(sample);
      byType.set(event.type, [...(byType.get(event.type) ?? []), sample]);
    }
    const duplicates: Sample[] = [];
    for (const event of events) duplicates.push(await measure(event));

    const rows = Object.fromEntries(
      [...byType].map(([type, samples]) => [type, summarize(samples)]),
    );
    return {
      mix: summarize(all),
      byType: rows,
      duplicate: summarize(duplicates),
      worstType: worstOf(rows),
    };
  } finally {
    await Promise.all([dynamo.stop(), s3.stop(), stripe.stop()]);
  }
}

function summarize(samples: readonly Sample[]): CostRow {
  const mean = (pick: (sample: Sample) => number) =>
    round(samples.reduce((sum, s) => sum + pick(s), 0) / samples.length);
  return {
    deliveries: samples.length,
    writes: mean((s) => s.writes),
    reads: mean((s) => s.reads),
    stripeCalls: mean((s) => s.stripeCalls),
    s3Calls: mean((s) => s.s3Calls),
    maxWrites: Math.max(...samples.map((s) => s.writes)),
    maxStripeCalls: Math.max(...samples.map((s) => s.stripeCalls)),
  };
}

function worstOf(rows: Record<string, CostRow>): string {
  const ranked = Object.entries(rows).sort(
    ([, a], [, b]) => b.writes - a.writes || b.stripeCalls - a.stripeCalls,
  );
  return ranked[0]?.[0] ?? '';
}

/** Rounds to three decimals. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
