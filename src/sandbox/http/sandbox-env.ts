import type { Context, Hono } from 'hono';

import type { ParamReader } from './param-reader.js';

/** Per-request values the sandbox's middleware sets for handlers. */
export interface SandboxEnv {
  Variables: {
    /** The request's parameters (query or form body), nested. */
    reader: ParamReader;
    /** `req_...`, echoed in `Request-Id` and recorded on events. */
    requestId: string;
  };
}

/** The sandbox's Hono app type. */
export type SandboxApp = Hono<SandboxEnv>;

/** A handler's context in the sandbox app. */
export type SandboxRequest = Context<SandboxEnv>;
