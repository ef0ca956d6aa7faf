import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import type Stripe from 'stripe';

import {
  BENCH_BUCKET,
  BENCH_SECRETS,
  BENCH_TABLES,
  makeBenchConfig,
} from '../bench-config.js';
import { round } from '../measure/measure-costs.js';
import { signEvent } from '../product/signed-delivery.js';
import type { World } from '../world/start-world.js';
import { bundleHandler } from './bundle-handler.js';

const execFileAsync = promisify(execFile);

const PRODUCT_ENTRY = fileURLToPath(
  new URL('../../src/entry/lambda/webhook.ts', import.meta.url),
);
const BASELINE_ENTRY = fileURLToPath(
  new URL('./verify-only-handler.ts', import.meta.url),
);

/** One cold invocation, milliseconds since the process started. */
interface Timing {
  /** Until the bundle was imported. */
  readonly importMs: number;
  /** Until the handler answered the event. */
  readonly totalMs: number;
}

/** What {@link measureColdStart} found; times in milliseconds (medians). */
export interface ColdStartResult {
  readonly ratio: number;
  readonly productMs: number;
  readonly productImportMs: number;
  readonly baselineMs: number;
  readonly baselineImportMs: number;
  readonly bundleBytes: number;
  readonly baselineBundleBytes: number;
  /** The product bundle's largest packages, bytes of output. */
  readonly largestPackages: Record<string, number>;
  readonly runs: number;
}

/**
 * Runs each bundle `runs` times in a fresh Node process that imports it
 * and handles one signed event (a new invoice of a new customer each
 * time, so the product does its full path against the world's stores),
 * timing from the process's own start (`performance.now()`) to the
 * handler's answer. Answers the medians and their ratio.
 */
export async function measureColdStart(
  world: World,
  event: Stripe.Event,
  runs: number,
): Promise<ColdStartResult> {
  const work = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  provideRuntimeModules(work);
  const productDir = join(work, 'webhook');
  const baselineDir = join(work, 'baseline');
  const bundle = await bundleHandler(PRODUCT_ENTRY, productDir);
  const baselineBundle = await bundleHandler(BASELINE_ENTRY, baselineDir);
  const environment = lambdaEnvironment(world);

  const product: Timing[] = [];
  const baseline: Timing[] = [];
  for (let run = 0; run < runs; run++) {
    const fresh = freshCopy(event, `cold${run}`);
    const eventFile = join(work, `event-${run}.json`);
    writeFileSync(eventFile, JSON.stringify(gatewayEvent(fresh)));
    product.push(await timeInvocation(productDir, eventFile, environment));
    baseline.push(await timeInvocation(baselineDir, eventFile, environment));
  }
  const productMs = median(product.map((timing) => timing.totalMs));
  const baselineMs = median(baseline.map((timing) => timing.totalMs));
  return {
    ratio: round(productMs / baselineMs),
    productMs: round(productMs),
    productImportMs: round(median(product.map((timing) => timing.importMs))),
    baselineMs: round(baselineMs),
    baselineImportMs: round(median(baseline.map((t) => t.importMs))),
    bundleBytes: bundle.bytes,
    baselineBundleBytes: baselineBundle.bytes,
    largestPackages: bundle.largestPackages,
    runs,
  };
}

/**
 * Stands in for the Lambda runtime's own `node_modules` (which ships the
 * AWS SDK v3, left out of the bundles): links this project's `@aws-sdk`
 * folder into `<work>/node_modules`, the only packages the bundles in
 * `<work>/*` can then resolve.
 */
function provideRuntimeModules(work: string): void {
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(
    fileURLToPath(new URL('../../node_modules/@aws-sdk', import.meta.url)),
    join(work, 'node_modules', '@aws-sdk'),
    'dir',
  );
}

function lambdaEnvironment(world: World): Record<string, string> {
  const config = makeBenchConfig({
    dynamodbEndpoint: world.dynamodbEndpoint,
    s3Endpoint: world.s3Endpoint,
    stripePort: world.sandboxPort,
  });
  return {
    PATH: process.env.PATH ?? '',
    // As ServiceFunction sets it on every function.
    NODE_OPTIONS: '--enable-source-maps',
    AWS_LAMBDA_FUNCTION_NAME: 'stripe-webhook-bench',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    LOG_LEVEL: 'ERROR',
    STAGE: 'bench',
    BILLING_CONFIG: JSON.stringify({
      plans: config.plans,
      urls: config.urls,
      allowedOrigins: config.allowedOrigins,
      access: config.access,
      checkout: config.checkout,
    }),
    CUSTOMERS_TABLE: BENCH_TABLES.customers,
    EVENTS_TABLE: BENCH_TABLES.events,
    INVOICES_BUCKET: BENCH_BUCKET,
    DYNAMODB_ENDPOINT: world.dynamodbEndpoint,
    S3_ENDPOINT: world.s3Endpoint,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(world.sandboxPort),
    STRIPE_API_PROTOCOL: 'http',
    STRIPE_SECRETS_SOURCE: 'env',
    ...BENCH_SECRETS,
  };
}

/** The event with its own, customer's and invoice's ids made new. */
function freshCopy(event: Stripe.Event, suffix: string): Stripe.Event {
  const object = event.data.object as { id: string; customer?: string };
  let text = JSON.stringify(event);
  for (const id of [event.id, object.id, object.customer ?? '']) {
    if (id !== '') text = text.split(id).join(`${id}${suffix}`);
  }
  return JSON.parse(text) as Stripe.Event;
}

function gatewayEvent(event: Stripe.Event) {
  const delivery = signEvent(event, BENCH_SECRETS.STRIPE_WEBHOOK_SECRET);
  return {
    version: '2.0',
    routeKey: 'POST /webhook',
    rawPath: '/webhook',
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': delivery.header,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'hooks.example.com',
      domainPrefix: 'hooks',
      http: {
        method: 'POST',
        path: '/webhook',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.1',
        userAgent: 'Stripe/1.0',
      },
      requestId: 'bench',
      routeKey: 'POST /webhook',
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    body: delivery.payload,
    isBase64Encoded: false,
  };
}

async function timeInvocation(
  bundleDir: string,
  eventFile: string,
  environment: Record<string, string>,
): Promise<Timing> {
  const bundleUrl = pathToFileURL(join(bundleDir, 'index.mjs')).href;
  const script = [
    "import { readFileSync } from 'node:fs';",
    `const { handler } = await import(${JSON.stringify(bundleUrl)});`,
    'const imported = performance.now();',
    `const event = JSON.parse(readFileSync(${JSON.stringify(eventFile)}, 'utf8'));`,
    "const context = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 };",
    'const result = await handler(event, context);',
    'const elapsed = performance.now();',
    'const answer = { status: result.statusCode, elapsed, imported };',
    "process.stdout.write('\\n' + JSON.stringify(answer) + '\\n');",
  ].join('\n');
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--input-type=module', '-e', script],
    { cwd: bundleDir, env: environment, timeout: 30_000 },
  );
  const last = stdout.trim().split('\n').at(-1) ?? '{}';
  const answer = JSON.parse(last) as {
    status: number;
    elapsed: number;
    imported: number;
  };
  if (answer.status !== 200) {
    throw new Error(`The bundle in ${bundleDir} answered ${answer.status}`);
  }
  return { totalMs: answer.elapsed, importMs: answer.imported };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
