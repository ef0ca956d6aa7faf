import { handle } from 'hono/aws-lambda';

import { LambdaAuthorizerAuthenticator } from '../../api/auth/lambda-authorizer-authenticator.js';
import { makeBillingApiService } from '../../api/make-billing-api-service.js';
import { loadConfig } from '../../config/load-config.js';
import { makeSecretsSource } from '../../config/make-secrets-source.js';

const config = loadConfig();

/**
 * The billing API behind API Gateway's HTTP API. Its JWT authorizer
 * verifies bearer tokens (issuer and audience from configuration) before
 * the function runs; the app reads the verified claims from the event.
 */
export const handler = handle(
  makeBillingApiService({
    config,
    secrets: makeSecretsSource(config),
    authenticator: new LambdaAuthorizerAuthenticator(),
  }),
);
