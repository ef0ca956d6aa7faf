import type {
  InjectedAnswer,
  ObservedRequest,
} from '../../../bench/instruments/counting-proxy.js';

/**
 * The write steps of processing an event that a fault can hit, named as
 * the ledger and the stores name them.
 */
export const WRITE_STEPS = {
  ledgerClaim: 'ledger claim',
  customerWrite: 'customer write',
  invoiceArchive: 'invoice archive',
  ledgerCompletion: 'ledger completion',
  ledgerRelease: 'ledger release',
} as const;

/** A step of {@link WRITE_STEPS}. */
export type WriteStep = (typeof WRITE_STEPS)[keyof typeof WRITE_STEPS];

/** What DynamoDB answers when it fails on its side (retryable, 500). */
export const DYNAMO_OUTAGE: InjectedAnswer = {
  status: 500,
  contentType: 'application/x-amz-json-1.0',
  body: JSON.stringify({
    __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
    message: 'Internal server error (injected)',
  }),
};

/** What S3 answers when it fails on its side (retryable, 500). */
export const S3_OUTAGE: InjectedAnswer = {
  status: 500,
  contentType: 'application/xml',
  body:
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError' +
    '</Code><Message>We encountered an internal error (injected).' +
    '</Message></Error>',
};

interface DynamoRequestBody {
  readonly TableName?: string;
  readonly UpdateExpression?: string;
}

/**
 * Names the write step a DynamoDB request performs, from its operation
 * (`X-Amz-Target`), table and update expression; undefined for reads and
 * for writes of other tables.
 */
export function dynamoStepOf(
  request: ObservedRequest,
  tables: { readonly customers: string; readonly events: string },
): WriteStep | undefined {
  const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1];
  const body = parseBody(request.body);
  if (operation === 'PutItem' && body.TableName === tables.customers) {
    return WRITE_STEPS.customerWrite;
  }
  if (operation !== 'UpdateItem' || body.TableName !== tables.events) {
    return undefined;
  }
  const expression = body.UpdateExpression ?? '';
  if (expression.includes('ADD attempts')) return WRITE_STEPS.ledgerClaim;
  if (expression.includes('completedAt')) return WRITE_STEPS.ledgerCompletion;
  if (expression.includes('lastError')) return WRITE_STEPS.ledgerRelease;
  return undefined;
}

/** Whether an S3 request writes an invoice document. */
export function isArchivePut(request: ObservedRequest): boolean {
  return request.method === 'PUT' && request.path.includes('/invoices/');
}

function parseBody(body: Buffer): DynamoRequestBody {
  try {
    return JSON.parse(body.toString('utf8')) as DynamoRequestBody;
  } catch {
    return {};
  }
}
