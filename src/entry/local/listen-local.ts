import type { Server } from 'node:http';

import { serve } from '@hono/node-server';

import { LocalStackError } from './errors.js';

/** A fetch handler, as Hono apps expose it. */
type FetchHandler = (
  request: Request,
  env?: unknown,
) => Response | Promise<Response>;

/** The local HTTP server, listening on loopback. */
export interface LocalServer {
  /** The port it listens on (the free one picked when asked for 0). */
  readonly port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Serves a fetch handler on 127.0.0.1 with the Node adapter of Hono. A
 * port in use becomes a {@link LocalStackError} naming `PORT`.
 */
export function listenLocal(
  fetch: FetchHandler,
  port: number,
): Promise<LocalServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: '127.0.0.1' }, (info) =>
      resolve({ port: info.port, close: () => closeServer(server) }),
    ) as Server;
    server.once('error', (error) => reject(portError('PORT', port, error)));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** Explains a failure to listen, naming the setting to change. */
export function portError(
  setting: string,
  port: number,
  error: unknown,
): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') return error;
  return new LocalStackError(
    `Port ${port} is in use: stop what runs there or set ${setting}.`,
    { cause: error },
  );
}
