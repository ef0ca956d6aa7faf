import { afterEach, describe, expect, it, vi } from 'vitest';

import { PowertoolsSyncMetrics } from '../ops/sync-metrics.js';
import { PowertoolsWebhookMetrics } from '../webhook/powertools-webhook-metrics.js';
import { EMF_METRICS, WEBHOOK_EVENT_DIMENSIONS } from './emf-metrics.js';
import { METRICS_NAMESPACE } from './service-function.js';

interface EmfLine {
  readonly _aws: {
    readonly CloudWatchMetrics: readonly {
      readonly Namespace: string;
      readonly Dimensions: readonly (readonly string[])[];
      readonly Metrics: readonly { readonly Name: string }[];
    }[];
  };
  readonly [field: string]: unknown;
}

/** Runs `emit` and returns the EMF lines it wrote to stdout. */
function captureEmf(emit: () => void): EmfLine[] {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  emit();
  vi.restoreAllMocks();
  return chunks
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as EmfLine);
}

/** Each metric written, with its namespace, dimension names and values. */
function published(lines: readonly EmfLine[]) {
  return lines.flatMap((line) =>
    line._aws.CloudWatchMetrics.flatMap((directive) =>
      directive.Metrics.map((metric) => ({
        namespace: directive.Namespace,
        name: metric.Name,
        dimensions: directive.Dimensions.flat(),
        service: line.service,
      })),
    ),
  );
}

function emitEverything(): EmfLine[] {
  return captureEmf(() => {
    const webhook = new PowertoolsWebhookMetrics();
    webhook.recordEvent('invoice.paid', 'failed');
    webhook.recordLatency(12);
    webhook.recordSignatureFailure();
    webhook.flush();
    const sync = new PowertoolsSyncMetrics();
    sync.recordRun({
      checked: 3,
      inSync: 1,
      driftFound: 1,
      driftFixed: 1,
      failed: 1,
      results: [],
    });
    sync.flush();
  });
}

describe('Constant: EMF_METRICS', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('names every metric the code publishes, with its service and namespace', () => {
    const metrics = published(emitEverything());

    for (const expected of Object.values(EMF_METRICS)) {
      expect(metrics).toContainEqual(
        expect.objectContaining({
          namespace: METRICS_NAMESPACE,
          name: expected.name,
          service: expected.service,
        }),
      );
    }
    expect(metrics).toHaveLength(Object.keys(EMF_METRICS).length);
  });

  it('dimensions WebhookEvents by service, eventType and outcome only', () => {
    const metrics = published(emitEverything());

    const events = metrics.find(
      (metric) => metric.name === EMF_METRICS.webhookEvents.name,
    );
    expect(events?.dimensions.sort()).toEqual(
      ['service', ...WEBHOOK_EVENT_DIMENSIONS].sort(),
    );
  });

  it('dimensions the other metrics by service only, as alarms expect', () => {
    const metrics = published(emitEverything());

    const others = metrics.filter(
      (metric) => metric.name !== EMF_METRICS.webhookEvents.name,
    );
    expect(others.length).toBeGreaterThan(0);
    for (const metric of others) expect(metric.dimensions).toEqual(['service']);
  });
});
