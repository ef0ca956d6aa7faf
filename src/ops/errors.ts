import { AppError } from '../shared/app-error.js';

/** The family of errors of the operations tools (sync, replay, doctor). */
export abstract class OpsError extends AppError {}

/** No stored customer is linked to the user a command named. */
export class UnknownUserError extends OpsError {
  readonly code = 'unknown_user';
  override readonly status = 404;

  constructor(userId: string) {
    super(
      `No stored customer is linked to user ${userId}; check the id, or ` +
        'sync by customer id (--customer cus_...) instead.',
    );
  }
}

/**
 * Webhook deliveries kept writing the customer between each read and
 * write of a sync. The next run (or the webhook itself) settles it.
 */
export class SyncContentionError extends OpsError {
  readonly code = 'sync_contention';
  override readonly status = 409;

  constructor(
    customerId: string,
    attempts: number,
    options?: { cause?: unknown },
  ) {
    super(
      `Customer ${customerId} changed during each of ${attempts} sync ` +
        'attempts; run the sync for it again.',
      options,
    );
  }
}

/** A `--since` value is neither an ISO 8601 time nor a duration. */
export class InvalidSinceError extends OpsError {
  readonly code = 'invalid_since';
  override readonly status = 400;

  constructor(value: string) {
    super(
      `--since ${JSON.stringify(value)} is neither an ISO 8601 time ` +
        '(2026-12-01T00:00:00Z) nor a duration (90m, 24h, 7d).',
    );
  }
}
