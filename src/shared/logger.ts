import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one structured logger of the project: one JSON object per line.
 *
 * Rules (see docs/architecture.md): short fixed messages; ids as fields
 * (`eventId`, `eventType`, `customerId`, `userId`, `requestId`); never request
 * bodies, `Authorization` or `Stripe-Signature` headers, keys or secrets.
 */
export type AppLogger = Logger;

/** Log level used when `LOG_LEVEL` is not set. */
export const DEFAULT_LOG_LEVEL = 'INFO';

/**
 * Makes a logger for one service (`webhook`, `billing-api`, `sandbox`, ...).
 * `LOG_LEVEL` (DEBUG, INFO, WARN, ERROR, SILENT) sets the level.
 */
export function makeLogger(serviceName: string): AppLogger {
  const level = process.env.LOG_LEVEL ?? DEFAULT_LOG_LEVEL;
  return new Logger({
    serviceName,
    logLevel: level.toUpperCase() as 'INFO',
  });
}
