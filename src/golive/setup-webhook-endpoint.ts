import type Stripe from 'stripe';

import { parseStripeSecrets, SECRET_KEYS } from '../config/stripe-secrets.js';
import { SetupRefusedError } from './errors.js';
import { handledEventTypes } from './handled-event-types.js';
import {
  applyChanges,
  type SecretChanges,
  type SecretStore,
} from './secret-store.js';
import {
  RETIRE_AFTER_METADATA,
  WebhookEndpoints,
} from './webhook-endpoints.js';

/** Grace of a rotation when none is given: 24 hours, in seconds. */
export const DEFAULT_GRACE_SECONDS = 24 * 3600;

/** What `setup webhook` did to the endpoint for the URL. */
export const ENDPOINT_ACTIONS = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  rotated: 'rotated',
} as const;

/** One of {@link ENDPOINT_ACTIONS}. */
export type EndpointAction =
  (typeof ENDPOINT_ACTIONS)[keyof typeof ENDPOINT_ACTIONS];

/** Options of {@link setupWebhookEndpoint}. */
export interface SetupWebhookOptions {
  readonly stripe: Stripe;
  readonly store: SecretStore;
  /** The deployed webhook URL, e.g. `https://hooks.example.com/webhook`. */
  readonly url: string;
  /** Make a new endpoint and secret, keeping the old one for the grace. */
  readonly shouldRotate?: boolean;
  /** How long the old secret stays accepted, in seconds; default 24 h. */
  readonly graceSeconds?: number;
  /** Current time in milliseconds since the epoch; default `Date.now`. */
  readonly now?: () => number;
}

/** The outcome of {@link setupWebhookEndpoint}; it holds no secret. */
export interface WebhookSetupResult {
  readonly endpointId: string;
  readonly action: EndpointAction;
  readonly enabledEvents: readonly string[];
  readonly livemode: boolean;
  /** Old endpoints deleted because their grace was over. */
  readonly deletedEndpointIds: readonly string[];
  /** Old endpoints still delivering until the given ISO 8601 time. */
  readonly retiring: readonly { id: string; retireAfter: string }[];
}

/**
 * Registers the webhook endpoint for `url` with exactly the event types the
 * webhook handles and keeps its signing secret in the store; safe to run
 * again (the endpoint is found by URL, never made twice).
 *
 * Stripe cannot roll an endpoint's secret, so a rotation makes a second
 * endpoint for the same URL: its secret becomes `STRIPE_WEBHOOK_SECRET`,
 * the old one `STRIPE_WEBHOOK_SECRET_PREVIOUS` until
 * `STRIPE_WEBHOOK_SECRET_PREVIOUS_EXPIRES_AT`, and the old endpoint is
 * tagged to be deleted by the first run after that time. Events both
 * endpoints deliver meanwhile are deduplicated by the event ledger.
 *
 * Every refusal happens before the first change; a failed write to the
 * store deletes the endpoint just made, so no secret is ever lost.
 */
export async function setupWebhookEndpoint(
  options: SetupWebhookOptions,
): Promise<WebhookSetupResult> {
  const now = (options.now ?? Date.now)();
  const endpoints = new WebhookEndpoints(options.stripe);
  const values = await options.store.read();
  const atUrl = await endpoints.listAt(assertUrl(options.url));
  const current = atUrl.filter((e) => retireTime(e) === Infinity).at(-1);
  refuseUnsafe(options, current, values, now);

  const expired = atUrl.filter((e) => retireTime(e) <= now);
  for (const endpoint of expired) await endpoints.delete(endpoint.id);
  const retiring = atUrl
    .filter((e) => retireTime(e) > now && retireTime(e) !== Infinity)
    .map((e) => ({ id: e.id, retireAfter: retireAfterOf(e) }));

  const step: Step = { options, endpoints, values, now, current };
  const outcome =
    current === undefined || options.shouldRotate
      ? await registerNew(step)
      : await keepCurrent(step, current);
  return {
    endpointId: outcome.endpoint.id,
    action: outcome.action,
    enabledEvents: handledEventTypes(),
    livemode: outcome.endpoint.livemode,
    deletedEndpointIds: expired.map((endpoint) => endpoint.id),
    retiring: [...retiring, ...outcome.retiring],
  };
}

interface Step {
  readonly options: SetupWebhookOptions;
  readonly endpoints: WebhookEndpoints;
  readonly values: Readonly<Record<string, string>>;
  readonly now: number;
  readonly current: Stripe.WebhookEndpoint | undefined;
}

interface StepOutcome {
  readonly endpoint: Stripe.WebhookEndpoint;
  readonly action: EndpointAction;
  readonly retiring: readonly { id: string; retireAfter: string }[];
}

/** Creates an endpoint and stores its secret; a rotation keeps the old. */
async function registerNew(step: Step): Promise<StepOutcome> {
  const { endpoints, values, now, current } = step;
  const created = await endpoints.create(step.options.url, handledEventTypes());
  const changes: Record<string, string | null> = {
    ...dropExpiredPrevious(values, now),
    [SECRET_KEYS.webhookSecret]: created.secret,
  };
  const previous = current
    ? keepPrevious(values, now, step.options.graceSeconds)
    : {};
  Object.assign(changes, previous);
  await mergeOrUndo(step, changes, () => endpoints.delete(created.endpoint.id));
  if (current === undefined) {
    return { endpoint: created.endpoint, action: 'created', retiring: [] };
  }

  // Without a stored secret the old endpoint never verified: retire it now.
  const retireAfter =
    previous[SECRET_KEYS.previousWebhookSecretExpiresAt] ??
    new Date(now).toISOString();
  await endpoints.markRetiring(current.id, retireAfter);
  return {
    endpoint: created.endpoint,
    action: 'rotated',
    retiring: [{ id: current.id, retireAfter }],
  };
}

/** Subscribes the existing endpoint to the events when it is not. */
async function keepCurrent(
  step: Step,
  current: Stripe.WebhookEndpoint,
): Promise<StepOutcome> {
  const events = handledEventTypes();
  const isUpToDate = isSubscribed(current, events);
  if (!isUpToDate) await step.endpoints.subscribe(current.id, events);
  const changes = dropExpiredPrevious(step.values, step.now);
  if (Object.keys(changes).length > 0) await step.options.store.merge(changes);
  return {
    endpoint: current,
    action: isUpToDate ? 'unchanged' : 'updated',
    retiring: [],
  };
}

function assertUrl(url: string): string {
  if (!URL.canParse(url) || !/^https?:\/\//.test(url)) {
    throw new SetupRefusedError(
      `--url must be the absolute http(s) URL of the deployed webhook, ` +
        `like https://hooks.example.com/webhook; got ${JSON.stringify(url)}.`,
    );
  }
  return url;
}

function retireAfterOf(endpoint: Stripe.WebhookEndpoint): string {
  return endpoint.metadata?.[RETIRE_AFTER_METADATA] ?? '';
}

/** When an endpoint is due for deletion, in ms; Infinity when never. */
function retireTime(endpoint: Stripe.WebhookEndpoint): number {
  const value = endpoint.metadata?.[RETIRE_AFTER_METADATA];
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

function refuseUnsafe(
  options: SetupWebhookOptions,
  current: Stripe.WebhookEndpoint | undefined,
  values: Readonly<Record<string, string>>,
  now: number,
): void {
  const hasSecret = Boolean(values[SECRET_KEYS.webhookSecret]);
  if (current && !options.shouldRotate && !hasSecret) {
    throw new SetupRefusedError(
      `Endpoint ${current.id} is registered for this URL but its signing ` +
        `secret is not in the store, and Stripe shows a secret only when ` +
        'an endpoint is made: run again with --rotate to make a new one.',
    );
  }
  const expiresAt = values[SECRET_KEYS.previousWebhookSecretExpiresAt];
  const isInGrace =
    Boolean(values[SECRET_KEYS.previousWebhookSecret]) &&
    (!expiresAt || Date.parse(expiresAt) > now);
  if (options.shouldRotate && current && isInGrace) {
    throw new SetupRefusedError(
      'The previous rotation is still in its grace period (until ' +
        `${expiresAt ?? 'no expiry'}): rotating now would drop a secret ` +
        'still in use. Run again after it.',
    );
  }
  const grace = options.graceSeconds ?? DEFAULT_GRACE_SECONDS;
  if (!Number.isInteger(grace) || grace <= 0) {
    throw new SetupRefusedError('--grace must be a positive duration.');
  }
}

function dropExpiredPrevious(
  values: Readonly<Record<string, string>>,
  now: number,
): SecretChanges {
  const expiresAt = values[SECRET_KEYS.previousWebhookSecretExpiresAt];
  if (!expiresAt || Date.parse(expiresAt) > now) return {};
  return {
    [SECRET_KEYS.previousWebhookSecret]: null,
    [SECRET_KEYS.previousWebhookSecretExpiresAt]: null,
  };
}

function keepPrevious(
  values: Readonly<Record<string, string>>,
  now: number,
  graceSeconds = DEFAULT_GRACE_SECONDS,
): SecretChanges {
  const previous = values[SECRET_KEYS.webhookSecret];
  if (!previous) return {};
  return {
    [SECRET_KEYS.previousWebhookSecret]: previous,
    [SECRET_KEYS.previousWebhookSecretExpiresAt]: new Date(
      now + graceSeconds * 1000,
    ).toISOString(),
  };
}

function isSubscribed(
  endpoint: Stripe.WebhookEndpoint,
  events: readonly string[],
): boolean {
  const enabled = [...endpoint.enabled_events].sort();
  return (
    endpoint.status === 'enabled' &&
    enabled.length === events.length &&
    enabled.every((type, index) => type === events[index])
  );
}

async function mergeOrUndo(
  step: Step,
  changes: SecretChanges,
  undo: () => Promise<void>,
): Promise<void> {
  try {
    // Never store what the deployed functions would refuse to read.
    const next = applyChanges(step.values, changes);
    if (next[SECRET_KEYS.secretKey]) {
      parseStripeSecrets(next, step.options.store.description, step.now);
    }
    await step.options.store.merge(changes);
  } catch (error) {
    // Without its secret stored, the new endpoint could never verify.
    await undo();
    throw error;
  }
}
