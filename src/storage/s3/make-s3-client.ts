import { S3Client } from '@aws-sdk/client-s3';

/** Options of {@link makeS3Client}. */
export interface S3ClientOptions {
  readonly region: string;
  /** Endpoint override (the embedded s3rver); AWS when absent. */
  readonly endpoint?: string | undefined;
}

/**
 * Makes the S3 client of the invoice archive. Against an endpoint override
 * it uses path-style addressing (`forcePathStyle`) and the fixed
 * credentials the embedded s3rver accepts (`S3RVER`).
 */
export function makeS3Client(options: S3ClientOptions): S3Client {
  return new S3Client({
    region: options.region,
    maxAttempts: 4,
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        }
      : {}),
  });
}
