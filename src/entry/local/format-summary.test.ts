import { describe, expect, it } from 'vitest';

import { formatSummary, type StackSummary } from './format-summary.js';

const SUMMARY: StackSummary = {
  url: 'http://127.0.0.1:4242',
  mode: 'sandbox',
  sandboxUrl: 'http://127.0.0.1:12111',
  dynamodbEndpoint: 'http://127.0.0.1:5001',
  s3Endpoint: 'http://127.0.0.1:5002',
  dataDir: '/work/app/.data',
};

describe('Function: formatSummary', () => {
  it('lists what runs where, one row each', () => {
    const text = formatSummary(SUMMARY);

    expect(text).toContain('  demo page    http://127.0.0.1:4242/\n');
    expect(text).toContain('  webhook      http://127.0.0.1:4242/webhook\n');
    expect(text).toContain(
      '  Stripe       sandbox at http://127.0.0.1:12111\n',
    );
    expect(text).toContain('  data         /work/app/.data\n');
    expect(text).not.toContain('stripe listen');
  });

  it('says how to forward events in real-Stripe mode', () => {
    const text = formatSummary({
      ...SUMMARY,
      mode: 'stripe',
      sandboxUrl: undefined,
    });

    expect(text).toContain('stripe listen --forward-to localhost:4242/webhook');
    expect(text).not.toContain('sandbox at');
  });
});
