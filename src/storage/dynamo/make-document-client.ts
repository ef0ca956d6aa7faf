import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Options of {@link makeDocumentClient}. */
export interface DocumentClientOptions {
  readonly region: string;
  /** Endpoint override for the embedded store; AWS when absent. */
  readonly endpoint?: string | undefined;
}

/**
 * Makes the DynamoDB document client every store uses. Against an endpoint
 * override (the embedded store) it signs with dummy credentials. The SDK's
 * standard retry strategy (exponential backoff with jitter) applies.
 */
export function makeDocumentClient(
  options: DocumentClientOptions,
): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: 4,
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
