/**
 * `npm run bench [-- --quick] [-- --events N]`: measures the webhook's cost
 * per event, CPU against the verification floor, cold start and bundle
 * size, and a renewal storm; prints a table and writes
 * `bench/results.json`. The figures are held to goals, never asserted:
 * a missed goal is reported with its reason.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

import { Command } from 'commander';

import { measureColdStart } from './cold-start/measure-cold-start.js';
import { measureCosts } from './measure/measure-costs.js';
import { measureCpu } from './measure/measure-cpu.js';
import { producePopulation } from './population/produce-population.js';
import { evaluateGoals, formatReport } from './report/format-report.js';
import { runStorm } from './storm/run-storm.js';
import { startWorld } from './world/start-world.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.LOG_LEVEL ??= 'SILENT';

const options = new Command()
  .name('bench')
  .option('--quick', 'smaller runs, under a minute', false)
  .option('--events <count>', 'events of the renewal storm')
  .parse()
  .opts<{ quick: boolean; events?: string }>();

const sizes = options.quick
  ? { costSubscribers: 10, cpuSubscribers: 12, coldRuns: 3, storm: 1000 }
  : { costSubscribers: 40, cpuSubscribers: 120, coldRuns: 7, storm: 10_000 };
const stormEvents = options.events ? Number(options.events) : sizes.storm;

const world = await startWorld();
try {
  const costs = await measureCosts(world, sizes.costSubscribers);
  const cpu = await measureCpu(world, sizes.cpuSubscribers);
  const sample = await producePopulation({
    sandboxPort: world.sandboxPort,
    subscribers: 1,
    months: 1,
    label: 'cold',
  });
  const invoicePaid = sample.signUpEvents.find(
    (event) => event.type === 'invoice.paid',
  );
  if (!invoicePaid) throw new Error('The sandbox produced no invoice.paid');
  const coldStart = await measureColdStart(world, invoicePaid, sizes.coldRuns);
  const storm = await runStorm(world, stormEvents);

  const results = {
    date: new Date().toISOString(),
    quick: options.quick,
    machine: { node: process.version, cpus: cpus().length },
    writesPerEvent: costs.mix.writes,
    readsPerEvent: costs.mix.reads,
    stripeCallsPerEvent: costs.mix.stripeCalls,
    worstType: costs.worstType,
    perType: costs.byType,
    duplicate: costs.duplicate,
    cpuRatio: cpu.ratio,
    cpu,
    coldStartRatio: coldStart.ratio,
    bundleBytes: coldStart.bundleBytes,
    coldStart,
    storm,
  };
  const goals = evaluateGoals(results);
  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify({ ...results, goals }, null, 2)}\n`,
  );
  // biome-ignore lint/suspicious/noConsole: the bench prints its report
  console.log(formatReport(results, goals));
} finally {
  await world.stop();
}
