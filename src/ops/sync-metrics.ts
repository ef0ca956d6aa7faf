import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

import { METRICS_NAMESPACE } from '../webhook/powertools-webhook-metrics.js';
import type { SyncSummary } from './run-sync.js';

/** What a sync run counts. */
export interface SyncMetrics {
  /** Records the customers with drift found, fixed and failed. */
  recordRun(summary: SyncSummary): void;
  /** Publishes what was recorded. */
  flush(): void;
}

/**
 * {@link SyncMetrics} on Powertools Metrics (CloudWatch embedded metric
 * format, namespace `StripeBilling`, service `scheduled-sync`): the counts
 * `DriftFound`, `DriftFixed` and `SyncFailures` of one run. An alarm on
 * `DriftFound` says the webhook path lost state somewhere.
 */
export class PowertoolsSyncMetrics implements SyncMetrics {
  readonly #metrics: Metrics;

  constructor(metrics?: Metrics) {
    this.#metrics =
      metrics ??
      new Metrics({
        namespace: METRICS_NAMESPACE,
        serviceName: 'scheduled-sync',
      });
  }

  recordRun(summary: SyncSummary): void {
    this.#metrics.addMetric('DriftFound', MetricUnit.Count, summary.driftFound);
    this.#metrics.addMetric('DriftFixed', MetricUnit.Count, summary.driftFixed);
    this.#metrics.addMetric('SyncFailures', MetricUnit.Count, summary.failed);
  }

  flush(): void {
    this.#metrics.publishStoredMetrics();
  }
}
