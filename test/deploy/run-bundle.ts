import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

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
 * run it: the bundle must load alone, with no `node_modules` around it.
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

  const bundleUrl = pathToFileURL(join(bundleDir, 'index.mjs')).href;
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
    { cwd: bundleDir, env: environment, timeout: 30_000 },
  );
  return {
    result: JSON.parse(readFileSync(resultFile, 'utf8')),
    stdout,
  };
}
