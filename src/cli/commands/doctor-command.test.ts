import { describe, expect, it } from 'vitest';

import { runCli } from '../run-cli.js';

async function runDoctorWith(env: Record<string, string>) {
  let stdout = '';
  const code = await runCli(['doctor'], {
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
  });
  return { code, stdout };
}

describe('Command: billing doctor', () => {
  it('answers 2 and prints the failed check when no configuration is set', async () => {
    const run = await runDoctorWith({});

    expect(run.code).toBe(2);
    expect(run.stdout).toContain('✗ Configuration loads and validates');
    expect(run.stdout).toContain('BILLING_CONFIG_FILE');
  });

  it('answers 2 when the billing configuration file cannot be read', async () => {
    const run = await runDoctorWith({ BILLING_CONFIG_FILE: 'no/such.json' });

    expect(run.code).toBe(2);
    expect(run.stdout).toContain('no/such.json');
  });
});
