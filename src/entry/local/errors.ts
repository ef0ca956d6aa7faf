import { AppError } from '../../shared/app-error.js';

/**
 * The local stack could not start (a port in use, a data folder that
 * cannot be written). The message is one line saying what to change.
 */
export class LocalStackError extends AppError {
  readonly code = 'local_stack_error';
  override readonly status = 500;
  override readonly isExposed = false;
}
