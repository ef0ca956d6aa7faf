import { Hono } from 'hono';

import { buildDemoAssets } from '../../demo/build-demo-assets.js';
import { mountDemoPage } from '../../demo/mount-demo-page.js';
import { makeErrorResponse } from '../../http/error-response.js';
import type { AppLogger } from '../../shared/logger.js';
import type { LocalIssuer } from './dev-token.js';

/** Path of the readiness check. */
export const HEALTH_PATH = '/healthz';

/** A Hono app (or anything answering fetch requests). */
interface FetchApp {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
}

/** What {@link createLocalApp} mounts. */
export interface LocalAppParts {
  /** The webhook service's app (`POST /webhook`). */
  readonly webhook: FetchApp;
  /** The billing API (`/api/billing/*`). */
  readonly billingApi: FetchApp;
  /** The local dev issuer (`POST /dev/token`). */
  readonly issuer: LocalIssuer;
  readonly logger: AppLogger;
}

/**
 * The one app of the local server: the webhook, the billing API, the dev
 * token route and the demo page. The webhook and the billing API each keep
 * their own middleware and error answers: requests are handed to them
 * whole rather than merged into one router.
 */
export async function createLocalApp(parts: LocalAppParts): Promise<Hono> {
  const app = new Hono();
  app.all('/webhook', (c) => parts.webhook.fetch(c.req.raw, c.env));
  app.all('/api/billing/*', (c) => parts.billingApi.fetch(c.req.raw, c.env));
  parts.issuer.mountDevToken(app);
  mountDemoPage(app, await buildDemoAssets());

  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: 'No such page.' } }, 404),
  );
  app.onError((error, c) => makeErrorResponse(c, error, parts.logger));
  return app;
}

/**
 * Answers `GET /healthz` (200 `{ status: 'ok' }` once the stack is ready,
 * 503 before) and hands every other request to the app once it is set;
 * until then they get 503 too. Lets the server listen before the port is
 * known to the rest of the stack.
 */
export class ReadinessGate {
  #app: FetchApp | undefined;

  /** Sets the app that answers once everything is ready. */
  open(app: FetchApp): void {
    this.#app = app;
  }

  /** Whether {@link open} was called. */
  get isReady(): boolean {
    return this.#app !== undefined;
  }

  /** The fetch handler for the HTTP server. */
  readonly fetch = (request: Request, env?: unknown) => {
    const app = this.#app;
    if (new URL(request.url).pathname === HEALTH_PATH) {
      return Response.json(
        { status: app ? 'ok' : 'starting' },
        { status: app ? 200 : 503 },
      );
    }
    if (!app) {
      return Response.json(
        { error: { code: 'starting', message: 'The stack is starting.' } },
        { status: 503, headers: { 'retry-after': '1' } },
      );
    }
    return app.fetch(request, env);
  };
}
