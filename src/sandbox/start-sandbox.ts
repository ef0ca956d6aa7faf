import { type ServerType, serve } from '@hono/node-server';

import { makeLogger } from '../shared/logger.js';
import { advanceSubscriptions } from './billing/advance-time.js';
import { EventRecorder } from './billing/event-recorder.js';
import { type SandboxClock, systemClock } from './clock.js';
import type { ChaosSettings } from './delivery/chaos.js';
import {
  type DeliveryScheduler,
  timerScheduler,
} from './delivery/delivery-scheduler.js';
import { WebhookDispatcher } from './delivery/webhook-dispatcher.js';
import { IdempotencyCache } from './http/idempotency-cache.js';
import { makeSandboxApp } from './http/make-sandbox-app.js';
import { addWebhookEndpoint } from './routes/webhook-endpoint-routes.js';
import {
  type BillingSettings,
  DEFAULT_BILLING_SETTINGS,
  SandboxContext,
} from './sandbox-context.js';
import { type SeedPlan, seedCatalog } from './seed-catalog.js';
import { SandboxState } from './state/sandbox-state.js';
import { StateStore } from './state/state-store.js';

/** Port of `npm run sandbox` when `SANDBOX_PORT` is not set. */
export const DEFAULT_SANDBOX_PORT = 12111;

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** Port to listen on (127.0.0.1); 0 picks a free one. Default 12111. */
  readonly port?: number | undefined;
  /**
   * Folder of the saved state (a snapshot and a journal of every change
   * answered since); no persistence when absent.
   */
  readonly dataDir?: string | undefined;
  /** Wall clock in milliseconds; default the real one. */
  readonly clock?: SandboxClock | undefined;
  /** Same as `clock` (either may be given). */
  readonly now?: SandboxClock | undefined;
  /** Chaos for webhook deliveries; none when absent. */
  readonly chaos?: ChaosSettings | undefined;
  /** Deliveries in flight at once; default 8. */
  readonly deliveryConcurrency?: number | undefined;
  /** Waits before delivery retries (milliseconds); default 1, 2, 4, 8, 16 s. */
  readonly retryDelaysMs?: readonly number[] | undefined;
  /** Runs delivery retries and chaos delays; default real timers. */
  readonly scheduler?: DeliveryScheduler | undefined;
  /**
   * How often renewals and retries of subscriptions without a test clock
   * are run against the wall clock, in milliseconds; default 60 000, 0 to
   * never run them by themselves (see `runDueWork`).
   */
  readonly dueWorkIntervalMs?: number | undefined;
  /** Events kept at most, oldest forgotten first; default 200 000. */
  readonly maxEvents?: number | undefined;
  /** Billing settings (failed payment behaviour, retry days). */
  readonly billing?: Partial<BillingSettings> | undefined;
}

/** A running sandbox and the controls the local stack and tests use. */
export interface SandboxHandle {
  /** Base URL, e.g. `http://127.0.0.1:12111`. */
  readonly url: string;
  readonly port: number;
  /** Options for the SDK: `{ host, port, protocol }`. */
  readonly stripeConfig: { host: string; port: number; protocol: 'http' };
  /** Creates products and prices with the given ids (idempotent). */
  seedCatalog(plans: readonly SeedPlan[]): void;
  /** Registers a webhook endpoint; answers its id and `whsec_` secret. */
  registerEndpoint(input: {
    url: string;
    enabledEvents: readonly string[];
    secret?: string;
  }): { id: string; secret: string };
  /** Resolves once no delivery is queued, in flight or held back. */
  flushDeliveries(): Promise<void>;
  /** Deliveries waiting for a retry. */
  pendingRetries(): number;
  /** Runs renewals and retries due by now for subscriptions without a test clock. */
  runDueWork(): number;
  /** Forgets all state and deletes the snapshot. */
  reset(): Promise<void>;
  /** Saves state now (when persisting). */
  save(): Promise<void>;
  /** Stops the server and the deliveries, saving state first. */
  stop(): Promise<void>;
}

/** Starts the offline Stripe sandbox. */
export async function startSandbox(
  options: SandboxOptions = {},
): Promise<SandboxHandle> {
  const logger = makeLogger('sandbox');
  const clock = options.clock ?? options.now ?? systemClock;
  const state = new SandboxState();
  const store = options.dataDir
    ? await StateStore.open(state, options.dataDir, logger)
    : undefined;
  const commit = () => {
    store?.markChanged();
    store?.commit();
  };
  const events = new EventRecorder(state, options.maxEvents);
  const context = new SandboxContext(
    state,
    events,
    clock,
    { ...DEFAULT_BILLING_SETTINGS, ...options.billing },
    () => store?.markChanged(),
  );
  const dispatcher = new WebhookDispatcher({
    state,
    clock,
    logger,
    scheduler: options.scheduler ?? timerScheduler,
    concurrency: options.deliveryConcurrency,
    retryDelaysMs: options.retryDelaysMs,
    chaos: options.chaos,
    onChange: commit,
  });
  events.listen((event, endpoints) => dispatcher.enqueue(event, endpoints));
  const resumed = dispatcher.resume();
  const idempotency = new IdempotencyCache(clock);
  const app = makeSandboxApp(context, idempotency, logger, () =>
    store?.commit(),
  );
  const { server, port } = await listen(app.fetch, options.port);
  const url = `http://127.0.0.1:${port}`;
  context.setBaseUrl(url);
  logger.info('sandbox listening', {
    url,
    restored: store?.isRestored ?? false,
    resumedDeliveries: resumed,
  });
  const runDueWork = () => {
    const ids = [...state.subscriptions.values()]
      .filter((subscription) => !subscription.test_clock)
      .map((subscription) => subscription.id);
    const steps = advanceSubscriptions(context, ids, context.now());
    store?.commit();
    return steps;
  };
  const intervalMs = options.dueWorkIntervalMs ?? 60_000;
  const dueWork =
    intervalMs > 0 ? setInterval(runDueWork, intervalMs).unref() : undefined;

  return {
    url,
    port,
    stripeConfig: { host: '127.0.0.1', port, protocol: 'http' },
    seedCatalog: (plans) => {
      seedCatalog(context, plans);
      store?.commit();
    },
    registerEndpoint: (input) => {
      const { endpoint, secret } = addWebhookEndpoint(context, input);
      store?.commit();
      return { id: endpoint.id, secret };
    },
    flushDeliveries: () => dispatcher.flush(),
    pendingRetries: () => dispatcher.pendingRetries,
    runDueWork,
    reset: async () => {
      state.clear();
      idempotency.clear();
      await store?.reset();
    },
    save: async () => {
      await store?.save();
    },
    stop: async () => {
      clearInterval(dueWork);
      dispatcher.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store?.close();
    },
  };
}

function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port = DEFAULT_SANDBOX_PORT,
): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: '127.0.0.1' }, (info) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
}
