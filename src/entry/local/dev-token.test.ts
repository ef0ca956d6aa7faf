import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '@aws-lambda-powertools/logger';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { JwtAuthenticator } from '../../api/auth/jwt-authenticator.js';
import { createBillingApiApp } from '../../api/billing-api-app.js';
import type { BillingApp } from '../../api/billing-api-deps.js';
import {
  TEST_CONFIG,
  testSecretsEnv,
} from '../../api/testing/billing-api-harness.js';
import { RecordingStripeGateway } from '../../api/testing/recording-stripe-gateway.js';
import { EnvironmentSecretsSource } from '../../config/stripe-secrets.js';
import { DynamoCustomerStore } from '../../storage/dynamo/customer-store.js';
import { makeDocumentClient } from '../../storage/dynamo/make-document-client.js';
import { DynamoUserClaimStore } from '../../storage/dynamo/user-claim-store.js';
import {
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../../storage/embedded/embedded-dynamo.js';
import { createLocalIssuer, DEV_TOKEN_PATH } from './dev-token.js';

const ISSUER = 'http://127.0.0.1:4242/dev';
const AUDIENCE = 'billing-api-local';

describe('Function: createLocalIssuer', () => {
  let dynamo: EmbeddedDynamo;
  let folder: string;
  let app: BillingApp;

  beforeAll(async () => {
    const tables = { customers: 'customers-dev', events: 'events-dev' };
    dynamo = await startEmbeddedDynamo({ tables });
    folder = await mkdtemp(join(tmpdir(), 'dev-token-'));
    const issuer = await createLocalIssuer({
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const client = makeDocumentClient({
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
    });
    app = createBillingApiApp({
      config: TEST_CONFIG,
      secrets: new EnvironmentSecretsSource(testSecretsEnv()),
      customers: new DynamoCustomerStore(client, tables.customers),
      claims: new DynamoUserClaimStore(client, tables.customers),
      stripe: new RecordingStripeGateway(),
      logger: new Logger({ logLevel: 'SILENT' }),
      authenticator: new JwtAuthenticator({
        issuer: ISSUER,
        audience: AUDIENCE,
        key: issuer.publicKey,
      }),
    });
    issuer.mountDevToken(app);
  });

  afterAll(async () => {
    await dynamo.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('issues tokens through /dev/token that the app accepts', async () => {
    const issued = await app.request(DEV_TOKEN_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'user_dev', email: 'dev@example.com' }),
    });
    const { token } = (await issued.json()) as { token: string };

    const response = await app.request('/api/billing/subscription', {
      headers: { authorization: `Bearer ${token}` },
    });

    expect(issued.status).toBe(200);
    expect(response.status).toBe(200);
  });

  it('answers 400 when the user id is missing', async () => {
    const response = await app.request(DEV_TOKEN_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'dev@example.com' }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_request' },
    });
  });

  it('keeps its key pair in the key file across restarts', async () => {
    const keyFile = join(folder, 'issuer-key.json');
    const first = await createLocalIssuer({
      issuer: ISSUER,
      audience: AUDIENCE,
      keyFile,
    });
    const token = await first.issueToken({ userId: 'user_keep' });

    const second = await createLocalIssuer({
      issuer: ISSUER,
      audience: AUDIENCE,
      keyFile,
    });
    const { payload } = await jwtVerify(token, second.publicKey, {
      issuer: ISSUER,
      audience: AUDIENCE,
    });

    expect(payload.sub).toBe('user_keep');
  });
});
