import { loadConfig } from '../../config/load-config.js';
import { makeSecretsSource } from '../../config/make-secrets-source.js';
import { makeOpsServices } from '../../ops/ops-services.js';
import { runSync, type SyncSummary } from '../../ops/run-sync.js';
import { PowertoolsSyncMetrics } from '../../ops/sync-metrics.js';
import { makeLogger } from '../../shared/logger.js';

const config = loadConfig();
const services = makeOpsServices({
  config,
  secrets: makeSecretsSource(config),
});
const metrics = new PowertoolsSyncMetrics();
const logger = makeLogger('scheduled-sync');

/** What one scheduled run answers (and logs): the counts, no field values. */
export type ScheduledSyncResult = Omit<SyncSummary, 'results'>;

/**
 * The scheduled reconciliation (EventBridge, daily): the same sync as
 * `billing sync` for every customer, then the metrics `DriftFound`,
 * `DriftFixed` and `SyncFailures` (namespace `StripeBilling`). Drift found
 * by a scheduled run means a webhook delivery was lost or failed for good.
 */
export async function handler(): Promise<ScheduledSyncResult> {
  const syncId = `sync_${new Date().toISOString()}`;
  const ids = await services.resolveTargets({ kind: 'all' });
  const { results, ...counts } = await runSync(
    services.makeReconciler(syncId),
    ids,
  );
  for (const result of results) {
    if (result.status === 'in_sync') continue;
    logger.warn('customer drift', {
      customerId: result.customerId,
      status: result.status,
      fields: result.changes.map((change) => change.field),
      error: result.error,
    });
  }
  metrics.recordRun({ ...counts, results });
  metrics.flush();
  logger.info('sync finished', { syncId, ...counts });
  return counts;
}
