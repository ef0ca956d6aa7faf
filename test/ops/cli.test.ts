import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { runCli } from '../../src/cli/run-cli.js';

const run = promisify(execFile);

async function runInProcess(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('Function: runCli', () => {
  it('prints help with every command and answers 0', async () => {
    const result = await runInProcess(['--help']);

    expect(result.code).toBe(0);
    for (const command of [
      'sync',
      'events',
      'replay',
      'undelivered',
      'doctor',
    ]) {
      expect(result.stdout).toContain(`  ${command}`);
    }
  });

  it('answers 2 for an unknown command', async () => {
    const result = await runInProcess(['resync']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'resync'");
  });

  it('answers 2 for a --since that is neither a time nor a duration', async () => {
    const result = await runInProcess(['events', '--since', 'yesterday']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('neither an ISO 8601 time');
  });

  it('answers 2 and names the setting when the configuration is missing', async () => {
    const result = await runInProcess(['events']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('BILLING_CONFIG_FILE');
  });
});

describe('Executable: billing', () => {
  it('runs through its launcher and prints the help of a command', async () => {
    const { stdout } = await run(
      process.execPath,
      ['src/cli/bin/billing.js', 'sync', '--help'],
      { env: { ...process.env, LOG_LEVEL: 'ERROR' } },
    );

    expect(stdout).toContain('Usage: billing sync [options]');
    expect(stdout).toContain('--dry-run');
  });
});
