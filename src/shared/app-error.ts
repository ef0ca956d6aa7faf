/**
 * The root of every error this project throws on purpose.
 *
 * Each module defines its own family on top of it (`ConfigError`,
 * `WebhookError`, `ApiError`, `StoreError`, ...). The HTTP error mapper turns
 * an `AppError` into `{ error: { code, message } }` with its `status`; any
 * other error is treated as a bug: logged with its stack and answered with a
 * generic 500.
 */
export abstract class AppError extends Error {
  /** Stable, machine-readable code, e.g. `unknown_plan`. */
  abstract readonly code: string;

  /** HTTP status to answer with when this error reaches a route. */
  readonly status: number = 500;

  /**
   * Whether `message` is safe to show to the caller. Messages of errors that
   * are not exposed are replaced with a generic one in HTTP answers.
   */
  readonly isExposed: boolean = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
