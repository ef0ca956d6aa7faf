import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Steady request rate allowed per API, in requests per second. */
export const API_RATE_LIMIT = 100;

/** Burst of requests allowed above the steady rate. */
export const API_BURST_LIMIT = 200;

/**
 * Fields of each access log line (HTTP API context variables). Ids, route,
 * status and timing only: never headers, so no token or signature is kept.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  sourceIp: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};

/** Properties of a {@link LoggedHttpApi}. */
export interface LoggedHttpApiProps {
  /** API name, e.g. `stripe-webhook-prod`. */
  readonly apiName: string;
  /** CORS answered by API Gateway. */
  readonly corsPreflight: apigw.CorsPreflightOptions;
  /** How long access logs are kept. @default one month */
  readonly logRetention?: logs.RetentionDays;
  /** What happens to the access logs when the stack goes. @default RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * An HTTP API whose `$default` stage deploys automatically, is throttled,
 * and writes one JSON access log line per request to its own log group.
 */
export class LoggedHttpApi extends Construct {
  /** The API; add routes to it. */
  readonly api: apigw.HttpApi;
  /** The `$default` stage, whose URL is the API's base URL. */
  readonly stage: apigw.HttpStage;
  /** Where the access logs go. */
  readonly accessLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: LoggedHttpApiProps) {
    super(scope, id);

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/http-api/${props.apiName}/access`,
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.api = new apigw.HttpApi(this, 'Api', {
      apiName: props.apiName,
      createDefaultStage: false,
      corsPreflight: props.corsPreflight,
    });

    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: API_RATE_LIMIT, burstLimit: API_BURST_LIMIT },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogGroup),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  /** Base URL of the API, ending in `/`. */
  get url(): string {
    return this.stage.url;
  }
}
