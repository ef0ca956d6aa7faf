import { SetupRefusedError } from './errors.js';

const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/**
 * Reads a duration such as `90m`, `24h` or `2d` (units s, m, h, d) and
 * answers it in seconds. `option` names the setting in the error message.
 */
export function parseDuration(value: string, option: string): number {
  const match = /^(\d+)\s*([smhd])$/.exec(value.trim());
  if (!match) {
    throw new SetupRefusedError(
      `${option} must be a number and a unit s, m, h or d, like 24h.`,
    );
  }
  const unit = match[2] as keyof typeof SECONDS_PER_UNIT;
  return Number(match[1]) * SECONDS_PER_UNIT[unit];
}
