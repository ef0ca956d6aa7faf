import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** This project's AWS SDK, standing in for the one the runtime ships. */
const RUNTIME_SDK = fileURLToPath(
  new URL('../../node_modules/@aws-sdk', import.meta.url),
);

/** What a handler returned, for API Gateway (payload 2.0). */
export interface HandlerResult {
  readonly statusCode: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
  readonly isBase64Encoded?: boolean;
}

/** What one invocation returned and logged. */
export interface BundleInvocation {
  readonly result: HandlerResult;
  /** Everything the function wrote to stdout (its JSON log lines). */
  readonly stdout: string;
}

/**
 * Invokes the `handler` of a bundle in a fresh Node process whose
 * environment is exactly `environment` (nothing inherited), as Lambda would
 * run it: the bundle is copied to a folder of its own where it finds only
 * what the Lambda runtime ships (the AWS SDK v3, which the bundles leave
 * out), so anything else it needs must be inside it.
 */
export async function runBundle(
  bundleDir: string,
  environment: Record<string, string>,
  event: unknown,
): Promise<BundleInvocation> {
  const work = mkdtempSync(join(tmpdir(), 'bundle-run-'));
  const eventFile = join(work, 'event.json');
  const resultFile = join(work, 'result.json');
  writeFileSync(eventFile, JSON.stringify(event));

  const taskDir = join(work, 'task');
  mkdirSync(taskDir);
  copyFileSync(join(bundleDir, 'index.mjs'), join(taskDir, 'index.mjs'));
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(RUNTIME_SDK, join(work, 'node_modules', '@aws-sdk'), 'dir');

  const bundleUrl = pathToFileURL(join(taskDir, 'index.mjs')).href;
  const script = [
    "import { readFileSync, writeFileSync } from 'node:fs';",
    `const { handler } = await import(${JSON.stringify(bundleUrl)});`,
    `const event = JSON.parse(readFileSync(${JSON.stringify(eventFile)}, 'utf8'));`,
    'const context = {',
    "  awsRequestId: 'deploy-test', functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,",
    '  getRemainingTimeInMillis: () => 30000,',
    '};',
    'const result = await handler(event, context);',
    `writeFileSync(${JSON.stringify(resultFile)}, JSON.stringify(result));`,
  ].join('\n');

  const { stdout } = await execFileAsync(
    process.execPath,
    ['--input-type=module', '-e', script],
    { cwd: taskDir, env: environment, timeout: 30_000 },
  );
  return {
    result: JSON.parse(readFileSync(resultFile, 'utf8')),
    stdout,
  };
}
