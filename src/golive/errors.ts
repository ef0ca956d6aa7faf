import { AppError } from '../shared/app-error.js';

/** The family of errors of the go-live commands (`setup`, `doctor --live`). */
export abstract class GoLiveError extends AppError {
  override readonly isExposed = false;
}

/**
 * A secret store could not be read or written. The message names the store
 * and what to check; it never holds a secret value.
 */
export class SecretStoreError extends GoLiveError {
  readonly code = 'secret_store_failed';

  constructor(where: string, problem: string, options?: { cause?: unknown }) {
    super(`The secret store ${where} ${problem}`, options);
  }
}

/**
 * A setup step was refused before it changed anything: the input or the
 * current state would make billing break. The message says what to do.
 */
export class SetupRefusedError extends GoLiveError {
  readonly code = 'setup_refused';
  override readonly status = 400;
}

/** The billing configuration file could not be rewritten safely. */
export class ConfigFileWriteError extends GoLiveError {
  readonly code = 'config_file_write_failed';

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`Cannot write the price IDs into ${file}: ${problem}`, options);
  }
}
