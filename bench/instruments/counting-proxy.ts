import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the proxy saw it: method, path, headers, raw body. */
export interface ObservedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** An answer the proxy gives instead of forwarding (an injected fault). */
export interface InjectedAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** Options of {@link startCountingProxy}. */
export interface CountingProxyOptions {
  /** Base URL of the real server, e.g. `http://127.0.0.1:8000`. */
  readonly target: string;
  /** Names what a request is (`UpdateItem events`); undefined: not counted. */
  readonly label: (request: ObservedRequest) => string | undefined;
  /** Answers instead of the server when it returns an answer. */
  readonly fault?: (request: ObservedRequest) => InjectedAnswer | undefined;
}

/** A running proxy and what it counted. */
export interface CountingProxy {
  /** Base URL to point a client at instead of the real server. */
  readonly url: string;
  readonly port: number;
  /** Round trips by label since the start or the last {@link reset}. */
  readonly counts: Map<string, number>;
  /** Replaces the fault rule (undefined: forward everything). */
  setFault(fault: CountingProxyOptions['fault']): void;
  reset(): void;
  stop(): Promise<void>;
}

/**
 * A loopback HTTP proxy that counts the round trips a client makes to a
 * server (DynamoDB, S3, Stripe) by a label taken from each request, and
 * can answer chosen requests itself to inject a failure. It counts on the
 * wire, so retries of the SDKs count as the round trips they are.
 */
export async function startCountingProxy(
  options: CountingProxyOptions,
): Promise<CountingProxy> {
  const target = new URL(options.target);
  const counts = new Map<string, number>();
  let fault = options.fault;

  const server: Server = createServer((incoming, outgoing) => {
    readBody(incoming).then(
      (body) => {
        const observed: ObservedRequest = {
          method: incoming.method ?? 'GET',
          path: incoming.url ?? '/',
          headers: incoming.headers,
          body,
        };
        const label = options.label(observed);
        if (label !== undefined) {
          counts.set(label, (counts.get(label) ?? 0) + 1);
        }
        const injected = fault?.(observed);
        if (injected) {
          outgoing.writeHead(injected.status, {
            'content-type': injected.contentType,
          });
          outgoing.end(injected.body);
          return;
        }
        forward(target, observed, outgoing);
      },
      () => outgoing.destroy(),
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    counts,
    setFault: (next) => {
      fault = next;
    },
    reset: () => counts.clear(),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

function forward(
  target: URL,
  observed: ObservedRequest,
  outgoing: ServerResponse,
): void {
  const upstream = httpRequest(
    {
      hostname: target.hostname,
      port: target.port,
      method: observed.method,
      path: observed.path,
      headers: observed.headers,
    },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  upstream.on('error', () => outgoing.destroy());
  upstream.end(observed.body);
}
