import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadOrCreateWebhookSecret } from './webhook-secret-file.js';

describe('Function: loadOrCreateWebhookSecret', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'webhook-secret-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('generates a whsec_ secret readable by its owner only', async () => {
    const file = join(folder, 'webhook-secret');

    const secret = await loadOrCreateWebhookSecret(file);

    expect(secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('answers the kept secret on the next start', async () => {
    const file = join(folder, 'webhook-secret');
    const first = await loadOrCreateWebhookSecret(file);

    const second = await loadOrCreateWebhookSecret(file);

    expect(second).toBe(first);
  });

  it('replaces a file that holds no secret', async () => {
    const file = join(folder, 'webhook-secret');
    await writeFile(file, 'garbage');

    const secret = await loadOrCreateWebhookSecret(file);

    expect(secret).toMatch(/^whsec_/);
  });
});
