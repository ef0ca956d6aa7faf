import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';

import { synthesizeTestApp } from './testing/build-test-app.js';

interface Widget {
  readonly properties: {
    readonly title: string;
    readonly metrics: readonly (readonly unknown[])[];
  };
}

/**
 * The dashboard's widgets, parsed from its body. The body is a join of
 * JSON text and CloudFormation values (function names, region); each
 * value becomes the text `<{...}>` with single quotes, so the body parses.
 */
function dashboardWidgets(template: Template, name: string): Widget[] {
  const [dashboard] = Object.values(
    template.findResources('AWS::CloudWatch::Dashboard', {
      Properties: { DashboardName: name },
    }),
  );
  if (dashboard === undefined) throw new Error(`No dashboard ${name}`);
  const parts: unknown[] = dashboard.Properties.DashboardBody['Fn::Join'][1];
  const body = parts
    .map((part) =>
      typeof part === 'string'
        ? part
        : `<${JSON.stringify(part).replaceAll('"', "'")}>`,
    )
    .join('');
  return JSON.parse(body).widgets;
}

function widgetTitled(widgets: readonly Widget[], title: string): Widget {
  const widget = widgets.find((w) => w.properties.title === title);
  if (widget === undefined) throw new Error(`No widget ${title}`);
  return widget;
}

/** The search or math expressions of a widget. */
function expressionsOf(widget: Widget): string[] {
  return widget.properties.metrics.flatMap((line) =>
    line.flatMap((entry) =>
      typeof entry === 'object' && entry !== null && 'expression' in entry
        ? [String(entry.expression)]
        : [],
    ),
  );
}

describe('Class: BillingDashboard', () => {
  let widgets: Widget[];

  beforeAll(() => {
    widgets = dashboardWidgets(
      synthesizeTestApp().webhookTemplate,
      'stripe-billing-prod',
    );
  });

  it('graphs webhook events by type and outcome from the EMF metric', () => {
    const widget = widgetTitled(widgets, 'Webhook events by type and outcome');

    expect(expressionsOf(widget)).toEqual([
      "SEARCH('{StripeBilling,eventType,outcome,service} " +
        'MetricName="WebhookEvents" service="webhook"\', \'Sum\', 300)',
    ]);
  });

  it('totals failed, duplicate and stale events across event types', () => {
    const widget = widgetTitled(widgets, 'Failed, duplicate and stale events');

    const expressions = expressionsOf(widget);
    expect(expressions).toHaveLength(3);
    for (const [index, outcome] of ['failed', 'duplicate', 'stale'].entries()) {
      expect(expressions[index]).toMatch(/^SUM\(SEARCH\('\{StripeBilling,/);
      expect(expressions[index]).toContain(`outcome="${outcome}"`);
    }
  });

  it('graphs processing latency at p50 and p99', () => {
    const widget = widgetTitled(widgets, 'Processing latency (ms)');

    expect(widget.properties.metrics).toEqual([
      [
        'StripeBilling',
        'ProcessingLatency',
        'service',
        'webhook',
        { label: 'p50', stat: 'p50' },
      ],
      [
        'StripeBilling',
        'ProcessingLatency',
        'service',
        'webhook',
        { label: 'p99', stat: 'p99' },
      ],
    ]);
  });

  it('graphs the stage-scoped signature failure count', () => {
    const widget = widgetTitled(widgets, 'Signature failures');

    expect(widget.properties.metrics).toEqual([
      [
        'StripeBilling/prod',
        'SignatureVerificationFailures',
        expect.objectContaining({ stat: 'Sum' }),
      ],
    ]);
  });

  it('graphs errors and throttles of all three functions', () => {
    for (const [title, metricName] of [
      ['Lambda errors', 'Errors'],
      ['Lambda throttles', 'Throttles'],
    ] as const) {
      const lines = widgetTitled(widgets, title).properties.metrics;

      expect(lines.map((line) => line.slice(0, 3))).toEqual(
        Array(3).fill(['AWS/Lambda', metricName, 'FunctionName']),
      );
      const names = lines.map((line) => String(line[3]));
      expect(names[0]).toMatch(/^<\{'Ref':'WebhookFunction/);
      expect(names[1]).toMatch(/^<\{'Ref':'ScheduledSyncFunction/);
      expect(names[2]).toContain(':function:stripe-billing-api-prod');
    }
  });

  it('graphs the drift the scheduled sync found and fixed', () => {
    const widget = widgetTitled(
      widgets,
      'Scheduled sync: drift found and fixed',
    );

    expect(widget.properties.metrics.map((line) => line.slice(0, 4))).toEqual(
      ['DriftFound', 'DriftFixed', 'SyncFailures'].map((name) => [
        'StripeBilling',
        name,
        'service',
        'scheduled-sync',
      ]),
    );
  });
});
