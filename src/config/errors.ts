import { AppError } from '../shared/app-error.js';

/**
 * A setting is missing or malformed. The message is one line naming the
 * setting and where it is expected, so that a process can print it and exit.
 */
export class ConfigError extends AppError {
  readonly code = 'config_error';
  override readonly status = 500;
  override readonly isExposed = false;

  /** The setting at fault, e.g. `CUSTOMERS_TABLE` or `plans[0].key`. */
  readonly setting: string;

  constructor(
    setting: string,
    where: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`Invalid configuration: ${setting} (${where}) ${problem}`, options);
    this.setting = setting;
  }
}
