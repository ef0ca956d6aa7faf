import type { ReplayResult } from '../../ops/event-replayer.js';
import type { CliContext } from '../cli-context.js';

/** Prints one line per processed event: id, type, outcome or error. */
export function printReplayResult(
  context: CliContext,
  result: ReplayResult,
): void {
  const what = result.outcome ?? `failed: ${result.error ?? 'unknown error'}`;
  context.print(`${result.eventId}  ${result.type ?? '?'}  ${what}`);
}
