import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { z } from 'zod';

import type { AppConfig, StripeApiBase } from '../../config/app-config.js';
import {
  EXAMPLE_CONFIG_FILE,
  type LocalSettings,
  StripeMode,
} from './local-settings.js';

/** Name of the file, in the data folder, where a running stack says where it is. */
export const LOCAL_STACK_FILE = 'local-stack.json';

const manifestSchema = z.object({
  pid: z.number().int().positive(),
  mode: z.enum([StripeMode.sandbox, StripeMode.stripe]),
  url: z.string(),
  stage: z.string(),
  region: z.string(),
  dynamodbEndpoint: z.string(),
  s3Endpoint: z.string(),
  tables: z.object({ customers: z.string(), events: z.string() }),
  invoicesBucket: z.string(),
  sandboxUrl: z.string().optional(),
  stripeApi: z
    .object({
      host: z.string(),
      port: z.number().int(),
      protocol: z.enum(['http', 'https']),
    })
    .optional(),
  billingConfigFile: z.string().optional(),
  webhookSecretFile: z.string().optional(),
});

/**
 * What a running local stack publishes for the `billing` CLI (`--local`):
 * where its stores, sandbox and server listen (their ports change on every
 * start), the names of its tables and bucket, and which Stripe it talks
 * to. Never a secret value: the sandbox keys are fixed local constants and
 * the webhook secret stays in its own file, named here.
 */
export type LocalStackManifest = z.infer<typeof manifestSchema>;

/** Where the running parts of a local stack listen. */
export interface LocalStackPlaces {
  /** The local server's URL. */
  readonly url: string;
  /** The sandbox, absent with real Stripe. */
  readonly sandbox?:
    | { readonly url: string; readonly stripeConfig: StripeApiBase }
    | undefined;
  /** The file holding the endpoint's signing secret, when one was made. */
  readonly webhookSecretFile?: string | undefined;
}

/**
 * The manifest of this process's stack: its settings, the configuration
 * it runs with (endpoints filled in) and where its parts listen. The
 * billing configuration is named by absolute file path, or left out when
 * it came inline (`BILLING_CONFIG`, which the CLI reads from its own
 * environment).
 */
export function describeLocalStack(
  settings: LocalSettings,
  config: AppConfig,
  places: LocalStackPlaces,
): LocalStackManifest {
  const isInline = Boolean(settings.env.BILLING_CONFIG);
  const configFile = settings.env.BILLING_CONFIG_FILE || EXAMPLE_CONFIG_FILE;
  return {
    pid: process.pid,
    mode: settings.mode,
    url: places.url,
    stage: config.stage,
    region: config.aws.region,
    dynamodbEndpoint: config.aws.dynamodbEndpoint ?? '',
    s3Endpoint: config.aws.s3Endpoint ?? '',
    tables: { ...config.tables },
    invoicesBucket: config.invoicesBucket,
    sandboxUrl: places.sandbox?.url,
    stripeApi: places.sandbox?.stripeConfig,
    billingConfigFile: isInline ? undefined : resolve(configFile),
    webhookSecretFile: places.webhookSecretFile,
  };
}

/** Writes the manifest to `<dataDir>/local-stack.json`, mode 0600. */
export async function writeLocalStackFile(
  dataDir: string,
  manifest: LocalStackManifest,
): Promise<void> {
  const file = join(dataDir, LOCAL_STACK_FILE);
  // A file left by a crashed run keeps its mode on overwrite: start afresh.
  await rm(file, { force: true });
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: 0o600,
  });
}

/** Removes the manifest when the stack stops; no error when it is gone. */
export async function removeLocalStackFile(dataDir: string): Promise<void> {
  await rm(join(dataDir, LOCAL_STACK_FILE), { force: true });
}

/**
 * The manifest of the stack running on `dataDir`, or undefined when there
 * is none: no file, a file that is not a manifest, or one left by a
 * process that no longer runs (a stack killed without stopping).
 */
export async function readLocalStackFile(
  dataDir: string,
): Promise<LocalStackManifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, LOCAL_STACK_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = manifestSchema.safeParse(parseJson(text));
  if (!parsed.success || !isRunning(parsed.data.pid)) return undefined;
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
