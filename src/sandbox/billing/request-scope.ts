import { AsyncLocalStorage } from 'node:async_hooks';

/** The API request a change happens in, as events record it. */
export interface RequestScope {
  readonly requestId: string;
  readonly idempotencyKey: string | null;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs work on behalf of an API request, so its events name the request. */
export function runInRequest<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The request being served, or undefined for time-driven changes. */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}
