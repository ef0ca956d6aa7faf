/** Parameters of a request after bracket nesting, as Stripe reads them. */
export type StripeParams = Record<string, unknown>;

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Reads `a[b][0][c]=v` style pairs (form bodies and query strings) into
 * nested objects and arrays: `metadata[userId]=u1` gives
 * `{ metadata: { userId: 'u1' } }`, `expand[]=x` and `items[0][price]=p`
 * give arrays. Keys that could reach object prototypes are ignored.
 */
export function parseStripeParams(
  pairs: Iterable<[string, string]>,
): StripeParams {
  const root: StripeParams = {};
  for (const [key, value] of pairs) {
    const segments = splitKey(key);
    if (!segments || segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) continue;
    assign(root, segments, value);
  }
  return toArrays(root, '') as StripeParams;
}

/** Parses a form-encoded body or query string. */
export function parseStripeQuery(text: string): StripeParams {
  return parseStripeParams(new URLSearchParams(text));
}

function splitKey(key: string): string[] | null {
  const open = key.indexOf('[');
  if (open < 0) return key ? [key] : null;
  const segments = [key.slice(0, open)];
  const pattern = /\[([^\]]*)\]/g;
  let match = pattern.exec(key);
  while (match) {
    segments.push(match[1] ?? '');
    match = pattern.exec(key);
  }
  return segments[0] ? segments : null;
}

function assign(root: StripeParams, segments: string[], value: string) {
  let node: Record<string, unknown> = root;
  for (let index = 0; index < segments.length - 1; index += 1) {
    let segment = segments[index] as string;
    if (segment === '') segment = String(Object.keys(node).length);
    const child = node[segment];
    if (typeof child === 'object' && child !== null) {
      node = child as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> = {};
      node[segment] = created;
      node = created;
    }
  }
  let last = segments[segments.length - 1] as string;
  if (last === '') last = String(Object.keys(node).length);
  node[last] = value;
}

/** Objects keyed 0..n-1 become arrays, except the free-form `metadata`. */
function toArrays(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (const child of keys) record[child] = toArrays(record[child], child);
  if (key === 'metadata' || keys.length === 0) return record;
  const isList = keys.every((k) => /^\d+$/.test(k));
  if (!isList) return record;
  return keys
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => record[String(index)]);
}
