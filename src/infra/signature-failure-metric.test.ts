import { describe, expect, it } from 'vitest';

import {
  SignatureMissingError,
  SignatureVerificationFailedError,
} from '../webhook/errors.js';
import { SIGNATURE_FAILURE_CODES } from './signature-failure-metric.js';

describe('Class: SignatureFailureMetric', () => {
  it('counts exactly the codes the webhook refuses bad signatures with', () => {
    const codes = [
      new SignatureMissingError().code,
      new SignatureVerificationFailedError('no matching signature').code,
    ];

    expect([...SIGNATURE_FAILURE_CODES].sort()).toEqual(codes.sort());
  });
});
