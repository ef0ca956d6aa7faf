import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ManualScheduler } from './delivery/delivery-scheduler.js';
import {
  completeSession,
  startReceiver,
  startTestSandbox,
  TEST_SECRET_KEY,
  type WebhookReceiver,
} from './test-support/sandbox-test-kit.js';

const verifier = new Stripe('sk_test_verifier');

interface SandboxProcess {
  readonly child: ChildProcess;
  readonly stripe: Stripe;
  readonly url: string;
}

/** Runs `src/sandbox/main.ts` in a child process on a free port. */
async function spawnSandbox(dataDir: string): Promise<SandboxProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/sandbox/main.ts', '--port', '0'].concat([
      '--data-dir',
      dataDir,
    ]),
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Stripe sandbox on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
  });
  const { hostname, port } = new URL(url);
  const stripe = new Stripe(TEST_SECRET_KEY, {
    host: hostname,
    port: Number(port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  return { child, stripe, url };
}

/** Kills the process as `kill -9` would: no chance to save anything. */
async function hardKill(sandbox: SandboxProcess): Promise<void> {
  const exited = once(sandbox.child, 'exit');
  sandbox.child.kill('SIGKILL');
  await exited;
}

async function subscribe(sandbox: SandboxProcess) {
  const { stripe } = sandbox;
  const product = await stripe.products.create({ name: 'Pro' });
  const price = await stripe.prices.create({
    product: product.id,
    currency: 'usd',
    unit_amount: 1000,
    recurring: { interval: 'month' },
  });
  const customer = await stripe.customers.create({ email: 'ada@example.com' });
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: 'https://app.example.com/done',
    cancel_url: 'https://app.example.com/pricing',
  });
  await completeSession(sandbox, session.id);
  return { customer, session };
}

describe('Function: startSandbox after a hard kill', () => {
  let dataDir: string;
  let receiver: WebhookReceiver;
  let running: SandboxProcess | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sandbox-kill-'));
    receiver = await startReceiver();
  });

  afterEach(async () => {
    const child = running?.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
    await receiver.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every change it answered before the kill', async () => {
    running = await spawnSandbox(dataDir);
    const { customer, session } = await subscribe(running);
    const updated = await running.stripe.customers.update(customer.id, {
      name: 'Ada Lovelace',
    });
    const last = await running.stripe.customers.create({
      email: 'last@example.com',
    });

    await hardKill(running);

    const { sandbox, stripe } = await startTestSandbox({ dataDir });
    const restored = await stripe.customers.retrieve(customer.id);
    const completed = await stripe.checkout.sessions.retrieve(session.id);
    const subscriptions = await stripe.subscriptions.list({
      customer: customer.id,
    });
    const lastRestored = await stripe.customers.retrieve(last.id);
    const events = await stripe.events.list({
      type: 'checkout.session.completed',
    });
    await sandbox.stop();
    expect(restored).toMatchObject({ name: updated.name });
    expect(completed.status).toBe('complete');
    expect(subscriptions.data.map((item) => item.status)).toEqual(['active']);
    expect(lastRestored.id).toBe(last.id);
    expect(events.data.map((event) => event.data.object)).toMatchObject([
      { id: session.id },
    ]);
  });

  it('sends after a restart the deliveries an endpoint refused before the kill', async () => {
    running = await spawnSandbox(dataDir);
    const endpoint = await running.stripe.webhookEndpoints.create({
      url: receiver.url,
      enabled_events: ['customer.created'],
    });
    receiver.status = 500;
    const customer = await running.stripe.customers.create({
      email: 'refused@example.com',
    });
    await receiver.received(1);
    await hardKill(running);
    receiver.status = 200;
    const refused = receiver.deliveries.length;
    const scheduler = new ManualScheduler();

    const { sandbox, stripe } = await startTestSandbox({ dataDir, scheduler });
    scheduler.runAll();
    await sandbox.flushDeliveries();

    const delivered = receiver.deliveries
      .slice(refused)
      .map((delivery) =>
        verifier.webhooks.constructEvent(
          delivery.body,
          delivery.signature,
          endpoint.secret as string,
        ),
      );
    expect(delivered.map((event) => event.data.object)).toMatchObject([
      { id: customer.id },
    ]);
    const [event] = (await stripe.events.list()).data;
    expect(event?.pending_webhooks).toBe(0);
    expect(sandbox.pendingRetries()).toBe(0);
    await sandbox.stop();
  });
});
