import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PowertoolsWebhookMetrics } from './powertools-webhook-metrics.js';

describe('Class: PowertoolsWebhookMetrics', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('publishes events by type and outcome, and latency, on flush', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const metrics = new PowertoolsWebhookMetrics(
      new Metrics({ namespace: 'StripeBilling', serviceName: 'webhook' }),
    );

    metrics.recordEvent('invoice.paid', 'stale');
    metrics.recordLatency(12.5);
    metrics.recordSignatureFailure();
    metrics.flush();

    const output = lines.join('');
    expect(output).toContain('"eventType":"invoice.paid"');
    expect(output).toContain('"outcome":"stale"');
    expect(output).toContain('"WebhookEvents":1');
    expect(output).toContain('"ProcessingLatency":12.5');
    expect(output).toContain('"SignatureFailures":1');
  });
});
