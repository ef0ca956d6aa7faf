import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import S3rver from 's3rver';

/** Options of {@link startEmbeddedS3}. */
export interface EmbeddedS3Options {
  /** Folder for the objects; a new temporary folder when absent. */
  readonly directory?: string;
  /** Port to listen on; a free one when 0 or absent. */
  readonly port?: number;
  /** Bucket to create if missing. */
  readonly bucket: string;
}

/** A running embedded S3-compatible server (s3rver). */
export interface EmbeddedS3 {
  /** `http://127.0.0.1:<port>`, for `S3_ENDPOINT`. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts s3rver on loopback with the invoices bucket. Clients must use
 * path-style addressing (`forcePathStyle`).
 */
export async function startEmbeddedS3(
  options: EmbeddedS3Options,
): Promise<EmbeddedS3> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory ?? mkdtempSync(join(tmpdir(), 'billing-s3-')),
    configureBuckets: [{ name: options.bucket, configs: [] }],
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await server.close();
    },
  };
}
