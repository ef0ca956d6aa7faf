import { AppError } from '../shared/app-error.js';

/** The family of storage errors, translated from the AWS SDK at the edge. */
export abstract class StoreError extends AppError {}

/** The store could not be reached or throttled us; a retry may help. */
export class StoreUnavailableError extends StoreError {
  readonly code = 'store_unavailable';
  override readonly status = 503;
  override readonly isExposed = false;

  constructor(operation: string, options?: { cause?: unknown }) {
    super(`The store did not complete ${operation}; retry later.`, options);
  }
}

/**
 * A conditional write lost a race: the item changed since it was read.
 * Callers re-read and try again.
 */
export class RevisionConflictError extends StoreError {
  readonly code = 'revision_conflict';
  override readonly status = 409;
  override readonly isExposed = false;

  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what} changed while it was being written; re-read it.`, options);
  }
}
