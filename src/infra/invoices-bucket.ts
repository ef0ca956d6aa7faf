import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Days server access logs of the invoices bucket are kept. */
export const ACCESS_LOG_RETENTION_DAYS = 365;

/**
 * The invoices bucket: encrypted, never public, TLS only, versioned, and
 * retained when the stack goes (invoices are records the business keeps).
 * Its server access logs go to a second bucket with the same protections.
 */
export class InvoicesBucket extends Construct {
  /** The bucket the webhook archives invoices in. */
  readonly bucket: s3.Bucket;
  /** Where S3 writes the invoices bucket's access logs. */
  readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        { expiration: Duration.days(ACCESS_LOG_RETENTION_DAYS) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the access logs; logging it would log ' +
        'the log writes themselves.',
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'invoices/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** Logical id of the bucket in its stack's template. */
  get logicalId(): string {
    return Stack.of(this).getLogicalId(
      this.bucket.node.defaultChild as CfnBucket,
    );
  }
}
