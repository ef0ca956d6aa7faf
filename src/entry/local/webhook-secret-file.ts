import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

/** Random bytes in a generated webhook signing secret. */
const SECRET_BYTES = 24;

/**
 * The webhook signing secret the local endpoint is registered with when
 * `STRIPE_WEBHOOK_SECRET` is not set: read from `file`, or generated
 * (`whsec_` and 48 hex digits) and kept there (mode 0600) so that a
 * restart keeps verifying the sandbox's deliveries. Never printed.
 */
export async function loadOrCreateWebhookSecret(file: string): Promise<string> {
  const stored = await readStored(file);
  if (stored) return stored;

  const secret = `whsec_${randomBytes(SECRET_BYTES).toString('hex')}`;
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function readStored(file: string): Promise<string | undefined> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return /^whsec_\w+$/.test(text) ? text : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
