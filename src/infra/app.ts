import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { AppError } from '../shared/app-error.js';
import { buildApp } from './build-app.js';

/**
 * The CDK app `cdk synth`, `cdk diff` and `cdk deploy` run (see cdk.json).
 * A bad setting stops it with its one-line message and exit code 1.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

try {
  buildApp({ projectRoot }).app.synth();
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  // biome-ignore lint/suspicious/noConsole: the CDK CLI shows what the app prints; this is the synth-time error
  console.error(error.message);
  process.exitCode = 1;
}
