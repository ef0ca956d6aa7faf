import type { SandboxApp } from '../http/sandbox-env.js';
import type { SandboxContext } from '../sandbox-context.js';

/** Hosted checkout, portal and invoice pages (server-rendered HTML). */
export function registerHostedPages(
  _app: SandboxApp,
  _context: SandboxContext,
): void {}
