/** What an API Gateway HTTP API request is made of, for a test. */
export interface HttpApiRequest {
  readonly method: string;
  readonly path: string;
  /** Route key of the matched route, e.g. `POST /webhook`. */
  readonly routeKey: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Claims a JWT authorizer verified; absent for public routes. */
  readonly jwtClaims?: Record<string, string>;
}

/**
 * An API Gateway HTTP API event (payload format 2.0) as the `$default`
 * stage sends it to the function.
 */
export function makeHttpApiEvent(request: HttpApiRequest) {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: request.path,
    rawQueryString: '',
    headers: {
      host: 'abc123.execute-api.us-east-1.amazonaws.com',
      'x-forwarded-proto': 'https',
      ...request.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: {
        method: request.method,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: '192.0.2.1',
        userAgent: 'deploy-test',
      },
      requestId: 'deploy-test-request',
      routeKey: request.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(request.jwtClaims
        ? { authorizer: { jwt: { claims: request.jwtClaims, scopes: null } } }
        : {}),
    },
    ...(request.body === undefined
      ? {}
      : { body: request.body, isBase64Encoded: false }),
  };
}
