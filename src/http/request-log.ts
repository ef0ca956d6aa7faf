import type { MiddlewareHandler } from 'hono';

import type { AppLogger } from '../shared/logger.js';

/**
 * Logs one line per request: method, path, status and duration in
 * milliseconds, with the request id when the platform gives one. Never
 * headers, query strings or bodies.
 */
export function requestLog(logger: AppLogger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId:
        c.req.header('x-amzn-requestid') ?? c.req.header('x-request-id'),
    });
  };
}
