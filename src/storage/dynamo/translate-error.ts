import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

import { StoreUnavailableError } from '../errors.js';

/** Whether an SDK error is a failed write condition. */
export function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

/**
 * Translates any other SDK error at the storage edge: the caller sees a
 * {@link StoreUnavailableError} (a retry may help) carrying the cause.
 */
export function translateStoreError(error: unknown, operation: string): Error {
  return new StoreUnavailableError(operation, { cause: error });
}
