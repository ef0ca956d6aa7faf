import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = 'src/entry/local/main.ts';

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm start`'s entry point with only the given settings. */
function runMain(env: Record<string, string>): Promise<Exit> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN],
      {
        env: {
          PATH: process.env.PATH ?? '',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (error.code as number | null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Starts the entry point and resolves with its URL once it is ready. */
async function startMain(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      LOG_LEVEL: 'SILENT',
      PORT: '0',
      SANDBOX_PORT: '0',
      DATA_DIR: dataDir,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('Press Ctrl-C to stop.')) resolve();
    });
    child.once('exit', () => reject(new Error(`main exited: ${stderr}`)));
  });
  const url = /demo page\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1];
  return { child, url, stdout: () => stdout, stderr: () => stderr };
}

describe('Entry: local main', () => {
  let folder: string;
  let dataDir: string;
  let brokenJson: string;
  let badPlan: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'local-main-'));
    dataDir = join(folder, 'data');
    brokenJson = join(folder, 'broken.json');
    await writeFile(brokenJson, '{ "plans": [');
    badPlan = join(folder, 'bad-plan.json');
    await writeFile(
      badPlan,
      JSON.stringify({
        plans: [{ key: 'Pro!', name: 'Pro', prices: {} }],
        urls: {},
      }),
    );
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it.each([
    ['STAGE', { STAGE: 'Bad!' }],
    ['PORT', { PORT: '99999' }],
    ['billing configuration', { BILLING_CONFIG_FILE: 'broken' }],
    ['plans[0].key', { BILLING_CONFIG_FILE: 'bad-plan' }],
    ['STRIPE_PUBLISHABLE_KEY', { STRIPE_SECRET_KEY: 'sk_test_abc' }],
    [
      'STRIPE_WEBHOOK_SECRET',
      { STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_PUBLISHABLE_KEY: 'pk_test_a' },
    ],
  ])(
    'exits 1 with one line naming %s, before starting anything',
    async (setting, settings: Record<string, string>) => {
      const files: Record<string, string> = {
        broken: brokenJson,
        'bad-plan': badPlan,
      };
      const env: Record<string, string> = { ...settings, DATA_DIR: dataDir };
      if (env.BILLING_CONFIG_FILE) {
        env.BILLING_CONFIG_FILE = files[env.BILLING_CONFIG_FILE] ?? '';
      }

      const exit = await runMain(env);

      const lines = exit.stderr.trim().split('\n');
      expect(exit.code).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Invalid configuration: ${setting}`);
      expect(exit.stdout).toBe('');
      expect(existsSync(dataDir)).toBe(false);
    },
  );

  it('stops everything, prints Stopped. and exits 0 on SIGTERM', async () => {
    const { child, url, stdout, stderr } = await startMain(
      join(folder, 'running'),
    );
    const health = await fetch(`${url}/healthz`);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');

    expect(health.status).toBe(200);
    expect(stdout()).not.toMatch(/whsec_|sk_test_/);
    expect(stdout().trimEnd().split('\n').at(-1)).toBe('Stopped.');
    expect(stderr()).toBe('');
    expect(code).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
