import { readFile, rename, writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';

import { parseBillingConfig } from '../config/load-config.js';
import { ConfigFileWriteError } from './errors.js';
import type { SyncedPrice } from './sync-plans.js';

/**
 * Writes the synced price IDs into the billing configuration file, in
 * place: only the `id` values of the changed prices are replaced, so the
 * layout, order and everything else stay as they were. The new text must
 * validate and equal the old configuration with the new IDs, or nothing is
 * written. Answers how many IDs changed.
 */
export async function writePriceIds(
  file: string,
  prices: readonly SyncedPrice[],
): Promise<number> {
  const text = await readText(file);
  const before = parseBillingConfig(text, file);
  const expected = structuredClone(before);
  let next = text;
  let changed = 0;
  for (const synced of prices) {
    const plan = expected.plans.find((item) => item.key === synced.planKey);
    const price = plan?.prices[synced.interval];
    if (price === undefined || price.id === synced.priceId) continue;
    next = replaceId(next, price.id, synced.priceId, file);
    price.id = synced.priceId;
    changed += 1;
  }
  if (changed === 0) return 0;

  const after = parseBillingConfig(next, file);
  if (!isDeepStrictEqual(after, expected)) {
    throw new ConfigFileWriteError(file, 'the edit would change more than IDs');
  }
  await writeText(file, next);
  return changed;
}

function replaceId(text: string, from: string, to: string, file: string) {
  const pattern = new RegExp(`("id"\\s*:\\s*)"${escapeRegExp(from)}"`, 'g');
  const matches = text.match(pattern)?.length ?? 0;
  if (matches !== 1) {
    throw new ConfigFileWriteError(
      file,
      `expected "id": "${from}" exactly once, found it ${matches} times`,
    );
  }
  return text.replace(pattern, `$1"${to}"`);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigFileWriteError(file, 'it cannot be read', {
      cause: error,
    });
  }
}

async function writeText(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    throw new ConfigFileWriteError(file, 'it cannot be written', {
      cause: error,
    });
  }
}
