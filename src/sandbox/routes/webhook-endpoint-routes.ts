import { randomBytes } from 'node:crypto';

import type Stripe from 'stripe';

import { parameterMissing, resourceMissing } from '../errors.js';
import { paginate } from '../http/paginate.js';
import { mergeMetadata, type ParamReader } from '../http/param-reader.js';
import { readUrl } from '../http/read-url.js';
import { respond } from '../http/respond.js';
import type { SandboxApp } from '../http/sandbox-env.js';
import { buildWebhookEndpoint } from '../objects/build-webhook-endpoint.js';
import type { SandboxContext } from '../sandbox-context.js';

/** Makes a fresh endpoint signing secret in Stripe's `whsec_` form. */
export function makeEndpointSecret(): string {
  // Hex, like the secrets of Stripe's CLI: only word characters.
  return `whsec_${randomBytes(24).toString('hex')}`;
}

/** Registers an endpoint; the secret is given or made. */
export function addWebhookEndpoint(
  context: SandboxContext,
  input: {
    url: string;
    enabledEvents: readonly string[];
    secret?: string | undefined;
    description?: string | null | undefined;
    metadata?: Record<string, string> | undefined;
  },
): { endpoint: Stripe.WebhookEndpoint; secret: string } {
  const endpoint = buildWebhookEndpoint({ created: context.now(), ...input });
  const secret = input.secret ?? makeEndpointSecret();
  context.state.webhookEndpoints.add(endpoint);
  context.state.endpointSecrets.set(endpoint.id, secret);
  context.markChanged();
  return { endpoint, secret };
}

/** `/v1/webhook_endpoints`: create (secret shown once), retrieve, update, delete, list. */
export function registerWebhookEndpointRoutes(
  app: SandboxApp,
  context: SandboxContext,
): void {
  const state = context.state;
  const find = (id: string) => {
    const endpoint = state.webhookEndpoints.get(id);
    if (!endpoint) throw resourceMissing('webhook_endpoint', id);
    return endpoint;
  };

  app.post('/v1/webhook_endpoints', (c) => {
    const reader = c.get('reader');
    const { endpoint, secret } = addWebhookEndpoint(context, {
      url: readRequiredUrl(reader),
      enabledEvents: readEnabledEvents(reader, true) ?? [],
      description: reader.string('description'),
      metadata: reader.metadata() ?? {},
    });
    return respond(c, context, { ...endpoint, secret });
  });

  app.get('/v1/webhook_endpoints/:id', (c) =>
    respond(c, context, find(c.req.param('id'))),
  );

  app.post('/v1/webhook_endpoints/:id', (c) => {
    const reader = c.get('reader');
    const endpoint = find(c.req.param('id'));
    const url = reader.has('url') ? readRequiredUrl(reader) : undefined;
    const events = readEnabledEvents(reader, false);
    const disabled = reader.boolean('disabled');
    const description = reader.string('description');
    const metadata = reader.metadata();
    if (url) endpoint.url = url;
    if (events) endpoint.enabled_events = events;
    if (disabled !== undefined)
      endpoint.status = disabled ? 'disabled' : 'enabled';
    if (description !== undefined) endpoint.description = description;
    endpoint.metadata = mergeMetadata(endpoint.metadata, metadata);
    context.markChanged();
    return respond(c, context, endpoint);
  });

  app.delete('/v1/webhook_endpoints/:id', (c) => {
    const endpoint = find(c.req.param('id'));
    state.webhookEndpoints.delete(endpoint.id);
    state.endpointSecrets.delete(endpoint.id);
    context.markChanged();
    return c.json({
      id: endpoint.id,
      object: 'webhook_endpoint',
      deleted: true,
    });
  });

  app.get('/v1/webhook_endpoints', (c) =>
    respond(
      c,
      context,
      paginate(
        state.webhookEndpoints,
        c.get('reader'),
        '/v1/webhook_endpoints',
      ),
    ),
  );
}

function readRequiredUrl(reader: ParamReader): string {
  const url = readUrl(reader, 'url');
  if (!url) throw parameterMissing('url');
  return url;
}

function readEnabledEvents(reader: ParamReader, isRequired: boolean) {
  const events = reader.strings('enabled_events');
  if (isRequired && (!events || events.length === 0)) {
    throw parameterMissing('enabled_events');
  }
  return events;
}
