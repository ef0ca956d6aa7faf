import { readFileSync } from 'node:fs';

/** Folder of the copied Stripe shapes (see its README and licenses). */
const FIXTURES = new URL('../../../test/fixtures/stripe/', import.meta.url);

/** Reads one fixture file as JSON. */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}

/** The current-version example of a resource (`subscription`, ...). */
export function currentObject<T = Record<string, unknown>>(name: string): T {
  const all = readFixture<Record<string, unknown>>('current-api-objects.json');
  return structuredClone(all[name]) as T;
}

/** The `data.object` of an older-version event fixture. */
export function olderObject<T = Record<string, unknown>>(name: string): T {
  const data = readFixture<{ object: unknown }>(`older-${name}.json`);
  const object =
    typeof data.object === 'object' ? data.object : (data as unknown);
  return structuredClone(object) as T;
}
