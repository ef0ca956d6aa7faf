import { AppError } from '../shared/app-error.js';

/**
 * A deployment setting (CDK context or environment) is missing or malformed.
 * Synthesis stops with this one-line message, which names the setting and
 * how to provide it.
 */
export class InfraSettingError extends AppError {
  readonly code = 'infra_setting_error';
  override readonly isExposed = false;

  /** The setting at fault, e.g. `JWT_ISSUER`. */
  readonly setting: string;

  constructor(setting: string, problem: string, options?: { cause?: unknown }) {
    super(`Invalid deployment setting: ${setting} ${problem}`, options);
    this.setting = setting;
  }
}
