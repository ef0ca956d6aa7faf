import type { SandboxState } from '../state/sandbox-state.js';

/**
 * Finds any stored object by id for `expand[]`: by the id's prefix first,
 * then in every kind (prices and products may carry given ids).
 */
export function resolveObject(
  state: SandboxState,
  id: string,
): object | undefined {
  const kinds = [
    state.customers,
    state.subscriptions,
    state.invoices,
    state.prices,
    state.products,
    state.checkoutSessions,
    state.portalSessions,
    state.testClocks,
    state.webhookEndpoints,
    state.events,
  ] as const;
  for (const kind of kinds) {
    const found = kind.get(id);
    if (found) return found;
  }
  return undefined;
}
