import { readFile, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';

import { parse } from 'dotenv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { promptSecret } from '../../src/golive/prompt-secret.js';
import { GoLiveHarness } from './golive-harness.js';

const LIVE = {
  STRIPE_SECRET_KEY: 'sk_live_secret_value_never_shown',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_51PublishableNeverShown',
};

describe('Command: setup secret', () => {
  let harness: GoLiveHarness;
  const secret = () => [
    'setup',
    'secret',
    '--from-env',
    '--env-file',
    harness.envFile,
  ];

  beforeEach(async () => {
    harness = await GoLiveHarness.start();
  });

  afterEach(async () => {
    await harness.stop();
  });

  it('stores the keys from the environment without printing a value', async () => {
    const run = await harness.run(secret(), harness.env(LIVE));

    const values = parse(await readFile(harness.envFile, 'utf8'));
    expect(run.code).toBe(0);
    expect(values).toMatchObject(LIVE);
    expect(run.stdout).toContain('live-mode keys');
    for (const value of Object.values(LIVE)) {
      expect(run.stdout + run.stderr).not.toContain(value);
      expect(run.stdout + run.stderr).not.toContain(value.slice(8));
    }
  });

  it('refuses test and live keys mixed and changes nothing', async () => {
    await writeFile(harness.envFile, 'STRIPE_SECRET_KEY=sk_test_kept\n');

    const run = await harness.run(
      secret(),
      harness.env({ STRIPE_PUBLISHABLE_KEY: LIVE.STRIPE_PUBLISHABLE_KEY }),
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('STRIPE_PUBLISHABLE_KEY');
    expect(run.stderr).not.toContain(LIVE.STRIPE_PUBLISHABLE_KEY);
    expect(await readFile(harness.envFile, 'utf8')).toBe(
      'STRIPE_SECRET_KEY=sk_test_kept\n',
    );
  });

  it('warns that the stored webhook secret is of the other mode after a switch to live', async () => {
    await writeFile(
      harness.envFile,
      'STRIPE_SECRET_KEY=sk_test_a\nSTRIPE_PUBLISHABLE_KEY=pk_test_a\n' +
        'STRIPE_WEBHOOK_SECRET=whsec_testmode\n',
    );

    const run = await harness.run(secret(), harness.env(LIVE));

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('belongs to a test-mode endpoint');
    expect(run.stderr).not.toContain('whsec_testmode');
  });

  it('asks for a terminal or --from-env when there is no terminal', async () => {
    const run = await harness.run(
      ['setup', 'secret', '--env-file', harness.envFile],
      harness.env(LIVE),
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--from-env');
  });
});

describe('Function: promptSecret', () => {
  it('answers the typed line without echoing it', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));

    const answer = promptSecret('Key: ', { input, output });
    input.write('sk_live_typed\n');

    expect(await answer).toBe('sk_live_typed');
    expect(shown).toContain('Key: ');
    expect(shown).not.toContain('sk_live_typed');
  });
});
