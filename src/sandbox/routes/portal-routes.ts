import { resourceMissing } from '../errors.js';
import { readUrl } from '../http/read-url.js';
import { respond } from '../http/respond.js';
import type { SandboxApp } from '../http/sandbox-env.js';
import { buildPortalSession } from '../objects/build-portal-session.js';
import type { SandboxContext } from '../sandbox-context.js';

/** `POST /v1/billing_portal/sessions`: a session opening the hosted portal. */
export function registerPortalRoutes(
  app: SandboxApp,
  context: SandboxContext,
): void {
  app.post('/v1/billing_portal/sessions', (c) => {
    const reader = c.get('reader');
    const customer = reader.requiredString('customer');
    if (!context.state.customers.has(customer)) {
      throw resourceMissing('customer', customer, 'customer');
    }
    const session = buildPortalSession({
      created: context.now(),
      baseUrl: context.baseUrl,
      customer,
      returnUrl: readUrl(reader, 'return_url'),
    });
    context.state.portalSessions.add(session);
    context.markChanged();
    return respond(c, context, session);
  });
}
