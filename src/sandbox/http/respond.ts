import type { SandboxContext } from '../sandbox-context.js';
import { expandObject } from './expand.js';
import { resolveObject } from './resolve-object.js';
import type { SandboxRequest } from './sandbox-env.js';

/** Answers a Stripe object (or list) as JSON, applying `expand[]`. */
export function respond(
  c: SandboxRequest,
  context: SandboxContext,
  value: object,
): Response {
  const paths = c.get('reader').strings('expand') ?? [];
  const body =
    paths.length === 0
      ? value
      : expandObject(value, paths, (id) => resolveObject(context.state, id));
  return c.json(body as object);
}
