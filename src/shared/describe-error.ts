/** What a log line may say about an error: no bodies, headers or payloads. */
export interface ErrorSummary {
  readonly name: string;
  readonly message: string;
  readonly stack?: string | undefined;
  readonly code?: string | undefined;
  readonly statusCode?: number | undefined;
  readonly requestId?: string | undefined;
  readonly cause?: ErrorSummary | undefined;
}

/** How many causes deep a summary goes. */
const MAX_CAUSE_DEPTH = 3;

/**
 * Summarises an error for a log line. SDK errors carry their raw response
 * (Stripe's error body, response headers, AWS request metadata), and a
 * Stripe card error's body can hold customer data; logging the whole object
 * would print all of it. The summary keeps only the name, message, stack,
 * code, HTTP status and request id of the error and of its causes.
 */
export function describeError(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) {
    return { name: typeof error, message: 'non-Error value thrown' };
  }
  const fields = error as Error & {
    code?: unknown;
    statusCode?: unknown;
    requestId?: unknown;
    $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
  };
  const statusCode = fields.statusCode ?? fields.$metadata?.httpStatusCode;
  const requestId = fields.requestId ?? fields.$metadata?.requestId;
  // Some SDK errors keep the generic name and say what they are by class.
  const name =
    error.name === 'Error' ? error.constructor.name || error.name : error.name;
  return {
    name,
    message: error.message,
    stack: error.stack,
    code: typeof fields.code === 'string' ? fields.code : undefined,
    statusCode: typeof statusCode === 'number' ? statusCode : undefined,
    requestId: typeof requestId === 'string' ? requestId : undefined,
    cause:
      error.cause !== undefined && depth < MAX_CAUSE_DEPTH
        ? describeError(error.cause, depth + 1)
        : undefined,
  };
}
