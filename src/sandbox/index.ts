export type { SandboxClock } from './clock.js';
export type { ChaosSettings } from './delivery/chaos.js';
export {
  type DeliveryScheduler,
  ManualScheduler,
  timerScheduler,
} from './delivery/delivery-scheduler.js';
export { SANDBOX_API_VERSION } from './objects/build-event.js';
export type { BillingSettings } from './sandbox-context.js';
export type { SeedPlan, SeedPrice } from './seed-catalog.js';
export {
  DEFAULT_SANDBOX_PORT,
  type SandboxHandle,
  type SandboxOptions,
  startSandbox,
} from './start-sandbox.js';
