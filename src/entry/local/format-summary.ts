import { StripeMode } from './local-settings.js';

/** What the summary lists; URLs only, never a key or secret. */
export interface StackSummary {
  readonly url: string;
  readonly mode: StripeMode;
  readonly sandboxUrl?: string | undefined;
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  readonly dataDir: string;
}

/**
 * The short plain table the local server prints once it is ready: what
 * runs where. In real-Stripe mode it says how to forward events.
 */
export function formatSummary(summary: StackSummary): string {
  const { url } = summary;
  const rows: [string, string][] = [
    ['demo page', `${url}/`],
    ['billing API', `${url}/api/billing`],
    ['webhook', `${url}/webhook`],
    ['dev token', `${url}/dev/token`],
    ['health', `${url}/healthz`],
    [
      'Stripe',
      summary.mode === StripeMode.sandbox
        ? `sandbox at ${summary.sandboxUrl}`
        : 'api.stripe.com (test mode keys from the environment)',
    ],
    ['DynamoDB', `${summary.dynamodbEndpoint} (embedded)`],
    ['S3', `${summary.s3Endpoint} (embedded)`],
    ['data', summary.dataDir],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = [
    'Local billing stack is ready:',
    ...rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`),
  ];
  if (summary.mode === StripeMode.stripe) {
    const port = new URL(url).port;
    lines.push(
      `Forward events with: stripe listen --forward-to localhost:${port}/webhook`,
    );
  }
  lines.push('Press Ctrl-C to stop.');
  return `${lines.join('\n')}\n`;
}
