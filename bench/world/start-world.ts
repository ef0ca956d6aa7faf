import { type ChildProcess, fork } from 'node:child_process';

/** Where the world process listens. */
export interface WorldEndpoints {
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  /** Port of the Stripe sandbox on 127.0.0.1. */
  readonly sandboxPort: number;
  /** The local stack (`startLocalStack`) the storm posts to. */
  readonly stack: LocalStackEndpoints;
}

/** Where the world's local stack serves and keeps its data. */
export interface LocalStackEndpoints {
  /** `http://127.0.0.1:<port>`; the webhook is `<url>/webhook`. */
  readonly url: string;
  /** The stack's own embedded DynamoDB. */
  readonly dynamodbEndpoint: string;
  readonly eventsTable: string;
  readonly customersTable: string;
}

/** A running world process. */
export interface World extends WorldEndpoints {
  /** Process id, to tell it apart from the product's process. */
  readonly pid: number;
  stop(): Promise<void>;
}

const WORLD_SCRIPT = new URL('./world-process.ts', import.meta.url);

/**
 * Forks the world process (dynalite, s3rver, the Stripe sandbox, and the
 * local stack) and
 * resolves once it reports its endpoints. Its CPU is its own: the bench
 * process then holds only the product and the client.
 */
export function startWorld(): Promise<World> {
  const child = fork(WORLD_SCRIPT, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LOG_LEVEL: 'SILENT' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`The world process exited early (code ${code})`)),
    );
    child.once('message', (message) => {
      child.removeAllListeners('exit');
      const endpoints = message as WorldEndpoints;
      resolve({ ...endpoints, pid: child.pid ?? 0, stop: () => stop(child) });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.disconnect();
  });
}
