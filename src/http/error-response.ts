import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import { AppError } from '../shared/app-error.js';
import { describeError } from '../shared/describe-error.js';
import type { AppLogger } from '../shared/logger.js';

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** Field-level problems of a validation error. */
    readonly details?: readonly string[];
  };
}

/** Message of answers for errors that must not be shown to callers. */
export const GENERIC_ERROR_MESSAGE =
  'Something went wrong on our side. Try again later.';

/** An error that carries field-level problems (validation errors). */
interface WithDetails {
  readonly details?: readonly string[];
}

/**
 * Turns any error into the project's error answer. An {@link AppError}
 * keeps its status and code (its message too when it is exposed); anything
 * else is a bug: logged with its stack, answered with a generic 500.
 */
export function makeErrorResponse(
  c: Context,
  error: unknown,
  logger: AppLogger,
): Response {
  if (error instanceof AppError) {
    const status = error.status as ContentfulStatusCode;
    if (status >= 500) {
      logger.error('request failed', {
        code: error.code,
        error: describeError(error),
      });
    } else {
      logger.info('request refused', { code: error.code, status });
    }
    const details = (error as WithDetails).details;
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: error.isExposed ? error.message : GENERIC_ERROR_MESSAGE,
        ...(details ? { details } : {}),
      },
    };
    return c.json(body, status);
  }

  logger.error('unexpected error', { error: describeError(error) });
  const body: ErrorBody = {
    error: { code: 'internal_error', message: GENERIC_ERROR_MESSAGE },
  };
  return c.json(body, 500);
}
