import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Stripe from 'stripe';

import { runCli } from '../../src/cli/run-cli.js';
import {
  ManualScheduler,
  type SandboxHandle,
  startSandbox,
} from '../../src/sandbox/index.js';

/** The fixed clock of the run: 2026-12-03T10:00:00Z, in milliseconds. */
export const NOW_MS = Date.parse('2026-12-03T10:00:00Z');

/** The test key the sandbox accepts. */
export const TEST_SECRET_KEY = 'sk_test_golive_suite';

/** A billing configuration with two plans, as a team would write it. */
export function billingConfig(proMonthAmount = 2900) {
  return {
    plans: [
      {
        key: 'starter',
        name: 'Starter',
        prices: {
          month: { id: 'price_starter_month', amount: 900, currency: 'usd' },
        },
      },
      {
        key: 'pro',
        name: 'Pro',
        trialDays: 14,
        prices: {
          month: {
            id: 'price_pro_month',
            amount: proMonthAmount,
            currency: 'usd',
          },
          year: { id: 'price_pro_year', amount: 29000, currency: 'usd' },
        },
      },
    ],
    urls: {
      checkoutSuccess: 'https://app.example.com/ok?s={CHECKOUT_SESSION_ID}',
      checkoutCancel: 'https://app.example.com/cancel',
      portalReturn: 'https://app.example.com/account',
    },
    allowedOrigins: ['https://app.example.com'],
  };
}

/** A signed POST the receiver got. */
export interface Delivery {
  readonly body: string;
  readonly signature: string;
}

/** What one CLI run printed and answered. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The offline Stripe sandbox at a fixed clock, a folder holding the
 * billing configuration and the `.env` store, a receiver that records the
 * sandbox's webhook deliveries, and the environment that points the CLI
 * at all of them. Deliveries are flushed by hand; nothing sleeps.
 */
export class GoLiveHarness {
  readonly deliveries: Delivery[] = [];
  sandbox!: SandboxHandle;
  stripe!: Stripe;
  dir!: string;
  receiverUrl!: string;
  now = NOW_MS;
  #receiver!: Server;

  static async start(): Promise<GoLiveHarness> {
    const harness = new GoLiveHarness();
    harness.sandbox = await startSandbox({
      port: 0,
      clock: () => harness.now,
      scheduler: new ManualScheduler(),
    });
    harness.stripe = new Stripe(TEST_SECRET_KEY, {
      ...harness.sandbox.stripeConfig,
      maxNetworkRetries: 0,
    });
    harness.dir = await mkdtemp(join(tmpdir(), 'golive-'));
    await harness.writeConfig(billingConfig());
    await harness.#startReceiver();
    return harness;
  }

  get configFile(): string {
    return join(this.dir, 'billing.json');
  }

  get envFile(): string {
    return join(this.dir, '.env');
  }

  /** The environment of a CLI run against the sandbox. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      BILLING_CONFIG_FILE: this.configFile,
      STAGE: 'dev',
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(this.sandbox.port),
      STRIPE_API_PROTOCOL: 'http',
      ...extra,
    };
  }

  async writeConfig(config: unknown): Promise<void> {
    await writeFile(this.configFile, `${JSON.stringify(config, null, 2)}\n`);
  }

  async readConfigText(): Promise<string> {
    return readFile(this.configFile, 'utf8');
  }

  /** Runs the CLI in-process with the harness clock. */
  async run(
    argv: readonly string[],
    env: Record<string, string> = this.env(),
  ): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      env,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      now: () => this.now,
    });
    return { code, stdout, stderr };
  }

  async stop(): Promise<void> {
    await this.sandbox.stop();
    await new Promise<void>((resolve) => this.#receiver.close(() => resolve()));
    await rm(this.dir, { recursive: true, force: true });
  }

  async #startReceiver(): Promise<void> {
    this.#receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.deliveries.push({
          body: Buffer.concat(chunks).toString('utf8'),
          signature: String(request.headers['stripe-signature'] ?? ''),
        });
        response.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) =>
      this.#receiver.listen(0, '127.0.0.1', resolve),
    );
    const address = this.#receiver.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    this.receiverUrl = `http://127.0.0.1:${port}/webhook`;
  }
}
