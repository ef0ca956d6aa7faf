import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

import { makeJwtAuthenticator } from '../../api/auth/make-jwt-authenticator.js';
import { makeBillingApiService } from '../../api/make-billing-api-service.js';
import type { AppConfig } from '../../config/app-config.js';
import type { Environment } from '../../config/load-config.js';
import { EnvironmentSecretsSource } from '../../config/stripe-secrets.js';
import { type SandboxHandle, startSandbox } from '../../sandbox/index.js';
import { makeLogger } from '../../shared/logger.js';
import { startEmbeddedDynamo } from '../../storage/embedded/embedded-dynamo.js';
import { startEmbeddedS3 } from '../../storage/embedded/embedded-s3.js';
import { makeEventHandlers } from '../../webhook/handlers/event-handlers.js';
import { makeWebhookService } from '../../webhook/make-webhook-service.js';
import { completeLocalConfig } from './complete-local-config.js';
import { createLocalIssuer, type LocalIssuer } from './dev-token.js';
import { LocalStackError } from './errors.js';
import { formatSummary } from './format-summary.js';
import { listenLocal, portError } from './listen-local.js';
import { createLocalApp, ReadinessGate } from './local-app.js';
import {
  type LocalSettings,
  readLocalSettings,
  SANDBOX_PUBLISHABLE_KEY,
  SANDBOX_SECRET_KEY,
  StripeMode,
} from './local-settings.js';
import {
  describeLocalStack,
  removeLocalStackFile,
  writeLocalStackFile,
} from './local-stack-file.js';
import { registerLocalEndpoint } from './register-local-endpoint.js';
import { loadOrCreateWebhookSecret } from './webhook-secret-file.js';

/** Options of {@link startLocalStack}; the environment fills in the rest. */
export interface LocalStackOptions {
  /** Port of the local server; 0 picks a free one. Default `PORT`, 4242. */
  readonly port?: number;
  /** Data folder. Default `DATA_DIR`, `.data`. */
  readonly dataDir?: string;
  /** Sandbox port; 0 picks a free one. Default `SANDBOX_PORT`, 12111. */
  readonly sandboxPort?: number;
  /** Variables to read; default `process.env`. */
  readonly env?: Environment;
  /** Skips printing the summary table; default false. */
  readonly quiet?: boolean;
}

/** A running local stack. */
export interface LocalStack {
  /** `http://127.0.0.1:<port>`: demo page, billing API, webhook. */
  readonly url: string;
  readonly port: number;
  readonly mode: StripeMode;
  /** The sandbox's URL; absent with real Stripe. */
  readonly sandboxUrl?: string | undefined;
  /** The sandbox, for tests (`flushDeliveries`); absent with real Stripe. */
  readonly sandbox?: SandboxHandle | undefined;
  /** The configuration the services run with. */
  readonly config: AppConfig;
  /** Signs tokens the billing API accepts (what `/dev/token` does). */
  readonly issuer: LocalIssuer;
  /** The endpoint's signing secret. For tests only: never print it. */
  readonly webhookSecret: string;
  /** Absolute path of the data folder. */
  readonly dataDir: string;
  /** Stops the server, the sandbox and the embedded stores. */
  stop(): Promise<void>;
}

/**
 * Starts the whole local stack in this process: validates every setting
 * first (a {@link ConfigError} and nothing started when one is wrong),
 * then the local server (answering 503 until ready), the embedded
 * DynamoDB and S3 with their tables and bucket, the sandbox seeded with
 * the plans and the webhook endpoint registered (unless real Stripe keys
 * are set), and finally the webhook, billing API, dev token and demo page.
 * If a step fails, what started is stopped again.
 */
export async function startLocalStack(
  options: LocalStackOptions = {},
): Promise<LocalStack> {
  const settings = readLocalSettings(options.env ?? process.env, options);
  const dataDir = resolve(settings.dataDir);
  await makeDataFolders(dataDir);

  const started = new StartedParts();
  try {
    const stack = await startParts(settings, dataDir, started);
    if (!options.quiet) process.stdout.write(formatSummary(stack.summary));
    return stack.handle;
  } catch (error) {
    await started.stopAll();
    throw error;
  }
}

async function startParts(
  settings: LocalSettings,
  dataDir: string,
  started: StartedParts,
) {
  const gate = new ReadinessGate();
  const server = await listenLocal(gate.fetch, settings.port);
  started.add(server.close);
  const url = `http://127.0.0.1:${server.port}`;

  const tables = settings.config.tables;
  const dynamo = await startEmbeddedDynamo({
    path: `${dataDir}/dynamo`,
    tables,
  });
  started.add(dynamo.stop);
  const s3 = await startEmbeddedS3({
    directory: `${dataDir}/s3`,
    bucket: settings.config.invoicesBucket,
  });
  started.add(s3.stop);

  const stripe = await startStripe(settings, dataDir, url, started);
  const config = completeLocalConfig(settings, {
    port: server.port,
    dynamodbEndpoint: dynamo.endpoint,
    s3Endpoint: s3.endpoint,
    stripeApiBase: stripe.sandbox?.stripeConfig,
  });
  const issuer = await startServices(config, stripe.secretsEnv, dataDir, gate);
  // Published last, so a CLI never finds a stack that is not ready.
  await writeLocalStackFile(
    dataDir,
    describeLocalStack(settings, config, {
      url,
      sandbox: stripe.sandbox,
      webhookSecretFile: stripe.webhookSecretFile,
    }),
  );
  started.add(() => removeLocalStackFile(dataDir));

  const summary = {
    url,
    mode: settings.mode,
    sandboxUrl: stripe.sandbox?.url,
    dynamodbEndpoint: dynamo.endpoint,
    s3Endpoint: s3.endpoint,
    dataDir,
  };
  const handle: LocalStack = {
    url,
    port: server.port,
    mode: settings.mode,
    sandboxUrl: stripe.sandbox?.url,
    sandbox: stripe.sandbox,
    config,
    issuer,
    webhookSecret: stripe.webhookSecret,
    dataDir,
    stop: () => started.stopAll(),
  };
  return { handle, summary };
}

/** The sandbox (started, seeded, endpoint registered) or real Stripe. */
async function startStripe(
  settings: LocalSettings,
  dataDir: string,
  url: string,
  started: StartedParts,
) {
  if (settings.mode === StripeMode.stripe) {
    return {
      sandbox: undefined,
      webhookSecret: settings.env.STRIPE_WEBHOOK_SECRET ?? '',
      webhookSecretFile: undefined,
      secretsEnv: settings.env,
    };
  }

  const sandbox = await startSandbox({
    port: settings.sandboxPort,
    dataDir: `${dataDir}/sandbox`,
  }).catch((error: unknown) => {
    throw portError('SANDBOX_PORT', settings.sandboxPort, error);
  });
  started.add(sandbox.stop);
  sandbox.seedCatalog(settings.config.plans);
  const webhookSecretFile = settings.webhookSecret
    ? undefined
    : `${dataDir}/webhook-secret`;
  const webhookSecret = webhookSecretFile
    ? await loadOrCreateWebhookSecret(webhookSecretFile)
    : (settings.webhookSecret ?? '');
  await registerLocalEndpoint(sandbox, {
    url: `${url}/webhook`,
    enabledEvents: [...makeEventHandlers(settings.config.plans).keys()],
    secret: webhookSecret,
  });
  const secretsEnv: Environment = {
    STRIPE_SECRET_KEY: SANDBOX_SECRET_KEY,
    STRIPE_PUBLISHABLE_KEY: SANDBOX_PUBLISHABLE_KEY,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
  };
  return { sandbox, webhookSecret, webhookSecretFile, secretsEnv };
}

/** Wires the services and opens the gate; answers the dev issuer. */
async function startServices(
  config: AppConfig,
  secretsEnv: Environment,
  dataDir: string,
  gate: ReadinessGate,
): Promise<LocalIssuer> {
  const auth = config.auth;
  if (!auth) throw new LocalStackError('JWT settings are missing.');
  const issuer = await createLocalIssuer({
    issuer: auth.issuer,
    audience: auth.audience,
    keyFile: `${dataDir}/dev-issuer-key.json`,
  });
  const secrets = new EnvironmentSecretsSource(secretsEnv);

  const webhook = makeWebhookService({ config, secrets });
  const billingApi = makeBillingApiService({
    config,
    secrets,
    authenticator: makeJwtAuthenticator(auth, issuer.publicKey),
  });
  const app = await createLocalApp({
    webhook: webhook.app,
    billingApi,
    issuer,
    logger: makeLogger('local'),
  });
  gate.open(app);
  return issuer;
}

async function makeDataFolders(dataDir: string): Promise<void> {
  try {
    for (const folder of ['dynamo', 's3', 'sandbox']) {
      await mkdir(`${dataDir}/${folder}`, { recursive: true });
    }
  } catch (error) {
    throw new LocalStackError(
      `The data folder ${dataDir} cannot be written: set DATA_DIR.`,
      { cause: error },
    );
  }
}

/** What started so far, to stop in reverse order. */
class StartedParts {
  readonly #stops: (() => Promise<void>)[] = [];

  add(stop: () => Promise<void>): void {
    this.#stops.push(stop);
  }

  /**
   * Stops everything started, newest first, even when one part fails to
   * stop (the first failure is thrown at the end). A second call does
   * nothing.
   */
  async stopAll(): Promise<void> {
    let failure: unknown;
    for (let stop = this.#stops.pop(); stop; stop = this.#stops.pop()) {
      await stop().catch((error: unknown) => {
        failure ??= error;
      });
    }
    if (failure !== undefined) throw failure;
  }
}
