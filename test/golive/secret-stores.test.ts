import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AwsSecretStore } from '../../src/golive/aws-secret-store.js';
import { EnvFileSecretStore } from '../../src/golive/env-file-secret-store.js';
import { SecretStoreError } from '../../src/golive/errors.js';

const secretsManager = mockClient(SecretsManagerClient);

describe('Class: AwsSecretStore', () => {
  const store = () =>
    new AwsSecretStore({
      secretName: 'stripe/prod',
      client: new SecretsManagerClient({ region: 'us-east-1' }),
    });

  beforeEach(() => {
    secretsManager.reset();
  });

  it('merges into the existing JSON, keeping names it does not change', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({
      SecretString: JSON.stringify({
        STRIPE_SECRET_KEY: 'sk_live_a',
        STRIPE_WEBHOOK_SECRET: 'whsec_old',
        STRIPE_WEBHOOK_SECRET_PREVIOUS: 'whsec_older',
      }),
    });
    secretsManager.on(PutSecretValueCommand).resolves({});

    await store().merge({
      STRIPE_WEBHOOK_SECRET: 'whsec_new',
      STRIPE_WEBHOOK_SECRET_PREVIOUS: null,
    });

    const put = secretsManager.commandCalls(PutSecretValueCommand)[0];
    expect(put?.args[0].input.SecretId).toBe('stripe/prod');
    expect(JSON.parse(put?.args[0].input.SecretString ?? '')).toEqual({
      STRIPE_SECRET_KEY: 'sk_live_a',
      STRIPE_WEBHOOK_SECRET: 'whsec_new',
    });
    expect(secretsManager.commandCalls(CreateSecretCommand)).toHaveLength(0);
  });

  it('creates the secret when it does not exist yet', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .rejects(
        new ResourceNotFoundException({ message: 'missing', $metadata: {} }),
      );
    secretsManager.on(CreateSecretCommand).resolves({});

    const before = await store().read();
    await store().merge({ STRIPE_SECRET_KEY: 'sk_live_a' });

    const create = secretsManager.commandCalls(CreateSecretCommand)[0];
    expect(before).toEqual({});
    expect(create?.args[0].input.Name).toBe('stripe/prod');
    expect(JSON.parse(create?.args[0].input.SecretString ?? '')).toEqual({
      STRIPE_SECRET_KEY: 'sk_live_a',
    });
  });

  it('names the secret and the permissions, never a value, when access is denied', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({
      SecretString: JSON.stringify({ STRIPE_SECRET_KEY: 'sk_live_hidden' }),
    });
    secretsManager.on(PutSecretValueCommand).rejects(new Error('AccessDenied'));

    const action = store().merge({ STRIPE_SECRET_KEY: 'sk_live_other' });

    await expect(action).rejects.toThrow(SecretStoreError);
    await expect(action).rejects.toThrow(/stripe\/prod.*PutSecretValue/);
    await expect(action).rejects.not.toThrow(/sk_live/);
  });

  it('refuses a secret that is not a JSON object of strings', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: '[1]' });

    await expect(store().read()).rejects.toThrow(/JSON object of strings/);
  });
});

describe('Class: EnvFileSecretStore', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'env-store-'));
    file = join(dir, '.env');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('edits only the changed lines and keeps comments and other names', async () => {
    await writeFile(
      file,
      '# Stripe\nSTRIPE_SECRET_KEY=sk_test_a\nLOG_LEVEL=DEBUG\n' +
        'STRIPE_WEBHOOK_SECRET_PREVIOUS=whsec_old\n',
    );

    await new EnvFileSecretStore(file).merge({
      STRIPE_SECRET_KEY: 'sk_test_b',
      STRIPE_WEBHOOK_SECRET: 'whsec_new',
      STRIPE_WEBHOOK_SECRET_PREVIOUS: null,
    });

    expect(await readFile(file, 'utf8')).toBe(
      '# Stripe\nSTRIPE_SECRET_KEY=sk_test_b\nLOG_LEVEL=DEBUG\n' +
        'STRIPE_WEBHOOK_SECRET=whsec_new\n',
    );
  });

  it('creates the file readable by its owner only', async () => {
    const store = new EnvFileSecretStore(file);

    await store.merge({ STRIPE_SECRET_KEY: 'sk_test_a' });

    expect(await store.read()).toEqual({ STRIPE_SECRET_KEY: 'sk_test_a' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a value a .env line would need quoting for, and writes nothing', async () => {
    await writeFile(file, 'A=1\n');

    const action = new EnvFileSecretStore(file).merge({ A: 'two words' });

    await expect(action).rejects.toThrow(SecretStoreError);
    expect(await readFile(file, 'utf8')).toBe('A=1\n');
  });
});
