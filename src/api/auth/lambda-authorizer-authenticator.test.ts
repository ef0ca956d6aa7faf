import { Logger } from '@aws-lambda-powertools/logger';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { makeErrorResponse } from '../../http/error-response.js';
import { LambdaAuthorizerAuthenticator } from './lambda-authorizer-authenticator.js';

function makeApp() {
  const authenticator = new LambdaAuthorizerAuthenticator();
  const app = new Hono();
  app.get('/me', async (c) => c.json(await authenticator.authenticate(c)));
  app.onError((error, c) =>
    makeErrorResponse(c, error, new Logger({ logLevel: 'SILENT' })),
  );
  return app;
}

function lambdaEnv(claims: unknown) {
  return {
    event: { requestContext: { authorizer: { jwt: { claims, scopes: [] } } } },
    lambdaContext: {},
  };
}

describe('Class: LambdaAuthorizerAuthenticator', () => {
  it('reads the user from the claims the JWT authorizer verified', async () => {
    const env = lambdaEnv({ sub: 'user_1', email: 'one@example.com' });

    const response = await makeApp().request('/me', {}, env);

    expect(await response.json()).toEqual({
      userId: 'user_1',
      email: 'one@example.com',
    });
  });

  it('answers 401 when the event carries no authorizer claims', async () => {
    const env = { event: { requestContext: {} }, lambdaContext: {} };

    const response = await makeApp().request('/me', {}, env);

    expect(response.status).toBe(401);
  });

  it('answers 401 when the subject is missing', async () => {
    const env = lambdaEnv({ email: 'one@example.com' });

    const response = await makeApp().request('/me', {}, env);

    expect(response.status).toBe(401);
  });

  it('ignores an Authorization header: only the authorizer is trusted', async () => {
    const response = await makeApp().request(
      '/me',
      { headers: { authorization: 'Bearer forged' } },
      { event: {}, lambdaContext: {} },
    );

    expect(response.status).toBe(401);
  });
});
