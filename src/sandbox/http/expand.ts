import { parameterInvalid } from '../errors.js';

/** Finds a stored object by id, for `expand[]`. */
export type ObjectResolver = (id: string) => object | undefined;

/** Stripe expands at most four levels deep. */
const MAX_EXPAND_DEPTH = 4;

/**
 * Applies `expand[]` paths such as `customer`, `latest_invoice` or
 * `data.customer` (for lists): each id found on the path is replaced by
 * the object it names. Nodes on the path are copied, so stored objects are
 * never changed.
 */
export function expandObject(
  value: unknown,
  paths: readonly string[],
  resolve: ObjectResolver,
): unknown {
  let result = value;
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_EXPAND_DEPTH || segments.some((s) => !s)) {
      throw parameterInvalid(
        'expand',
        `You cannot expand more than ${MAX_EXPAND_DEPTH} levels of a property.`,
      );
    }
    result = expandAt(result, segments, resolve);
  }
  return result;
}

function expandAt(
  node: unknown,
  segments: readonly string[],
  resolve: ObjectResolver,
): unknown {
  if (Array.isArray(node)) {
    return node.map((entry) => expandAt(entry, segments, resolve));
  }
  if (typeof node !== 'object' || node === null) return node;
  const [head, ...rest] = segments as [string, ...string[]];
  const record = node as Record<string, unknown>;
  if (!(head in record)) return node;
  let child = record[head];
  if (typeof child === 'string') child = resolve(child) ?? child;
  if (rest.length > 0) child = expandAt(child, rest, resolve);
  return { ...record, [head]: child };
}
