import type { AddressInfo } from 'node:net';

import {
  CreateTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

import {
  customersTableDefinition,
  eventsTableDefinition,
} from '../dynamo/table-definitions.js';

/** Options of {@link startEmbeddedDynamo}. */
export interface EmbeddedDynamoOptions {
  /** Folder for on-disk data; in memory when absent. */
  readonly path?: string;
  /** Port to listen on; a free one when 0 or absent. */
  readonly port?: number;
  /** Tables to create if missing. */
  readonly tables: { readonly customers: string; readonly events: string };
}

/** A running embedded DynamoDB-compatible server (dynalite). */
export interface EmbeddedDynamo {
  /** `http://127.0.0.1:<port>`, for `DYNAMODB_ENDPOINT`. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts dynalite on loopback and creates the customers and events tables
 * (with the `UserIdIndex` index) when they do not exist yet. Used by the
 * local stack and by every storage test; it is a real server, not a mock.
 */
export async function startEmbeddedDynamo(
  options: EmbeddedDynamoOptions,
): Promise<EmbeddedDynamo> {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;

  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    for (const definition of [
      customersTableDefinition(options.tables.customers),
      eventsTableDefinition(options.tables.events),
    ]) {
      await client.send(new CreateTableCommand(definition)).catch((error) => {
        if (!(error instanceof ResourceInUseException)) throw error;
      });
    }
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
