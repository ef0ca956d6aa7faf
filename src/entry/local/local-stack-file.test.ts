import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  LOCAL_STACK_FILE,
  type LocalStackManifest,
  readLocalStackFile,
  removeLocalStackFile,
  writeLocalStackFile,
} from './local-stack-file.js';

function manifestOf(pid: number): LocalStackManifest {
  return {
    pid,
    mode: 'sandbox',
    url: 'http://127.0.0.1:4242',
    stage: 'dev',
    region: 'us-east-1',
    dynamodbEndpoint: 'http://127.0.0.1:40001',
    s3Endpoint: 'http://127.0.0.1:40002',
    tables: { customers: 'stripe-customers-dev', events: 'stripe-events-dev' },
    invoicesBucket: 'stripe-invoices-dev',
  };
}

describe('Function: readLocalStackFile', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stack-file-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers the manifest a running process wrote', async () => {
    await writeLocalStackFile(dataDir, manifestOf(process.pid));

    const manifest = await readLocalStackFile(dataDir);

    expect(manifest).toEqual(manifestOf(process.pid));
  });

  it('answers undefined once the manifest is removed', async () => {
    await writeLocalStackFile(dataDir, manifestOf(process.pid));
    await removeLocalStackFile(dataDir);

    const manifest = await readLocalStackFile(dataDir);

    expect(manifest).toBeUndefined();
  });

  it('ignores a manifest left by a process that no longer runs', async () => {
    // Above the kernel's pid limit (2^22), so no process has it.
    await writeLocalStackFile(dataDir, manifestOf(4_194_305));

    const manifest = await readLocalStackFile(dataDir);

    expect(manifest).toBeUndefined();
  });

  it('ignores a file that is not a manifest', async () => {
    await writeFile(join(dataDir, LOCAL_STACK_FILE), '{ "pid": ');

    const manifest = await readLocalStackFile(dataDir);

    expect(manifest).toBeUndefined();
  });
});
