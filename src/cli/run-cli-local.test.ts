import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { SANDBOX_SECRET_KEY } from '../entry/local/local-settings.js';
import {
  type LocalStack,
  startLocalStack,
} from '../entry/local/local-stack.js';
import { runCli } from './run-cli.js';

async function runWith(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Creates a customer in the stack's sandbox; answers its id. */
async function createSandboxCustomer(stack: LocalStack): Promise<string> {
  const response = await fetch(`${stack.sandboxUrl}/v1/customers`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${SANDBOX_SECRET_KEY}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ email: 'cli-local@example.com' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

describe('Function: runCli with --local', () => {
  let folder: string;
  let dataDir: string;
  let stack: LocalStack;

  beforeAll(async () => {
    vi.stubEnv('LOG_LEVEL', 'SILENT');
    folder = await mkdtemp(join(tmpdir(), 'cli-local-'));
    dataDir = join(folder, 'data');
    stack = await startLocalStack({
      port: 0,
      sandboxPort: 0,
      dataDir,
      env: {},
      quiet: true,
    });
  });

  afterAll(async () => {
    await stack?.stop();
    vi.unstubAllEnvs();
    await rm(folder, { recursive: true, force: true });
  });

  it('publishes local-stack.json readable by its owner only, without secrets', async () => {
    const file = join(dataDir, 'local-stack.json');

    const { mode } = await stat(file);
    const text = await readFile(file, 'utf8');

    expect(mode & 0o777).toBe(0o600);
    expect(text).toContain(stack.sandboxUrl);
    expect(text).not.toContain(stack.webhookSecret);
    expect(text).not.toMatch(/sk_test_|whsec_/);
  });

  it('passes every doctor check against the running stack', async () => {
    const run = await runWith(['doctor', '--local'], { DATA_DIR: dataDir });

    expect(run.stdout).toContain('All checks passed.');
    expect(run.code).toBe(0);
  });

  it('syncs a customer from the sandbox into the local tables', async () => {
    const customerId = await createSandboxCustomer(stack);

    const run = await runWith(['sync', '--local'], { DATA_DIR: dataDir });
    const again = await runWith(['sync', '--local', '--dry-run'], {
      DATA_DIR: dataDir,
    });

    expect(run.stdout).toContain(customerId);
    expect(run.stdout).toMatch(/ 0 failed\.$/m);
    expect(run.code).toBe(0);
    expect(again.stdout).toMatch(/ 0 with drift .* 0 failed\.$/m);
    expect(again.code).toBe(0);
  });

  it('reads BILLING_LOCAL=1 as --local', async () => {
    const run = await runWith(['events'], {
      DATA_DIR: dataDir,
      BILLING_LOCAL: '1',
    });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('answers 2 with one line when no stack runs on the data folder', async () => {
    const empty = join(folder, 'empty');

    const run = await runWith(['sync', '--local'], { DATA_DIR: empty });

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `no local stack is running in ${empty}: start it with npm start\n`,
    );
    expect(run.stdout).toBe('');
  });

  it('answers 2 once the stack has stopped, its file removed', async () => {
    await stack.stop();

    const run = await runWith(['doctor', '--local'], { DATA_DIR: dataDir });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no local stack is running');
  });
});
