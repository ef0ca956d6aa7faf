import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Memory of a function unless it says otherwise, in MB. */
export const FUNCTION_MEMORY_MB = 256;

/** Timeout of a function unless it says otherwise, in seconds. */
export const FUNCTION_TIMEOUT_SECONDS = 30;

/** Namespace of the metrics the functions emit (Powertools EMF). */
export const METRICS_NAMESPACE = 'StripeBilling';

/** Node.js 24, the runtime every function runs on. */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;

/**
 * Lets the ESM bundle load CommonJS dependencies that call `require` for
 * Node built-ins. Exported so the bench bundles exactly as the infra does.
 */
export const REQUIRE_SHIM =
  "import { createRequire as __createRequire } from 'node:module';" +
  'const require = __createRequire(import.meta.url);';

/**
 * Packages left out of the bundles because the Lambda Node.js runtime ships
 * them: the AWS SDK v3. The trade-off: the bundle is about 1 MB smaller and
 * its cold start shorter, but the SDK version is the runtime's (updated by
 * AWS), not the one `package-lock.json` pins; the code only uses long-stable
 * DynamoDB, S3 and Secrets Manager commands. Exported for the bench.
 */
export const RUNTIME_PROVIDED_MODULES: readonly string[] = ['@aws-sdk/*'];

/** Properties of a {@link ServiceFunction}. */
export interface ServiceFunctionProps {
  /** Service name for logs and metrics, e.g. `webhook`. */
  readonly serviceName: string;
  /** Physical function name, e.g. `stripe-webhook-prod`. */
  readonly functionName: string;
  /** Absolute path of the entry file that exports `handler`. */
  readonly entry: string;
  /** Folder holding `package-lock.json`; bundling runs from there. */
  readonly projectRoot: string;
  /** Variables the code reads with `loadConfig()`. */
  readonly environment: Readonly<Record<string, string>>;
  /** Memory in MB. @default {@link FUNCTION_MEMORY_MB} */
  readonly memoryMb?: number;
  /** Timeout in seconds. @default {@link FUNCTION_TIMEOUT_SECONDS} */
  readonly timeoutSeconds?: number;
  /** How long the function's logs are kept. @default one month */
  readonly logRetention?: logs.RetentionDays;
  /** What happens to the log group when the stack goes. @default RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * One Lambda function of the system with everything it always needs: a
 * bundle built locally by esbuild (ESM, minified, with source maps, no
 * Docker), arm64 on Node.js 24, its own log group with retention, and its
 * own role that may only write to that log group. Callers grant it the rest,
 * statement by statement, through {@link ServiceFunction.allow}.
 */
export class ServiceFunction extends Construct {
  /** The Lambda function. */
  readonly function: nodejs.NodejsFunction;
  /** Where the function writes its logs. */
  readonly logGroup: logs.LogGroup;
  /** The function's execution role. */
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.functionName}`,
    });
    this.allow(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      entry: props.entry,
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: `${props.projectRoot}/package-lock.json`,
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memoryMb ?? FUNCTION_MEMORY_MB,
      timeout: Duration.seconds(
        props.timeoutSeconds ?? FUNCTION_TIMEOUT_SECONDS,
      ),
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: nodejs.OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        externalModules: [...RUNTIME_PROVIDED_MODULES],
        banner: REQUIRE_SHIM,
      },
    });
  }

  /** Adds one statement to the function's role. */
  allow(statement: iam.PolicyStatement): void {
    this.role.addToPolicy(statement);
  }
}
