import { AppError } from '../shared/app-error.js';

/** Stripe's error types, as they appear in `error.type`. */
export const StripeErrorType = {
  invalidRequest: 'invalid_request_error',
  card: 'card_error',
  idempotency: 'idempotency_error',
  api: 'api_error',
} as const;

/** One of {@link StripeErrorType}. */
export type StripeErrorType =
  (typeof StripeErrorType)[keyof typeof StripeErrorType];

/** Details of a {@link SandboxApiError}, in Stripe's own words. */
export interface SandboxApiErrorDetails {
  /** HTTP status of the answer, e.g. 400, 401, 402, 404. */
  readonly status: number;
  readonly type: StripeErrorType;
  /** Stripe's error code, e.g. `resource_missing`; absent for some errors. */
  readonly code?: string | undefined;
  /** The request parameter at fault, e.g. `line_items[0][price]`. */
  readonly param?: string | undefined;
  /** For declined cards, e.g. `insufficient_funds`. */
  readonly declineCode?: string | undefined;
}

/**
 * An error the sandbox answers exactly as Stripe does:
 * `{ error: { type, code, message, param } }` with Stripe's status.
 */
export class SandboxApiError extends AppError {
  readonly code: string;
  override readonly status: number;
  readonly type: StripeErrorType;
  readonly param: string | undefined;
  readonly declineCode: string | undefined;

  constructor(message: string, details: SandboxApiErrorDetails) {
    super(message);
    this.code = details.code ?? details.type;
    this.status = details.status;
    this.type = details.type;
    this.param = details.param;
    this.declineCode = details.declineCode;
  }

  /** The JSON body Stripe answers with for this error. */
  toBody(): { error: Record<string, string> } {
    const error: Record<string, string> = {
      type: this.type,
      message: this.message,
    };
    if (this.code !== this.type) error.code = this.code;
    if (this.param) error.param = this.param;
    if (this.declineCode) error.decline_code = this.declineCode;
    return { error };
  }
}

/** 404 `resource_missing` for an id that does not exist. */
export function resourceMissing(
  kind: string,
  id: string,
  param = 'id',
): SandboxApiError {
  return new SandboxApiError(`No such ${kind}: '${id}'`, {
    status: 404,
    type: StripeErrorType.invalidRequest,
    code: 'resource_missing',
    param,
  });
}

/** 400 `parameter_missing` for a required parameter left out. */
export function parameterMissing(param: string): SandboxApiError {
  return new SandboxApiError(`Missing required param: ${param}.`, {
    status: 400,
    type: StripeErrorType.invalidRequest,
    code: 'parameter_missing',
    param,
  });
}

/** 400 `parameter_invalid_<kind>` (or a given code) for a malformed value. */
export function parameterInvalid(
  param: string,
  message: string,
  code = 'parameter_invalid_string',
): SandboxApiError {
  return new SandboxApiError(message, {
    status: 400,
    type: StripeErrorType.invalidRequest,
    code,
    param,
  });
}

/** 400 `parameter_unknown` for a parameter the sandbox does not accept. */
export function parameterUnknown(param: string): SandboxApiError {
  return new SandboxApiError(`Received unknown parameter: ${param}`, {
    status: 400,
    type: StripeErrorType.invalidRequest,
    code: 'parameter_unknown',
    param,
  });
}

/** 400 for a request that is well formed but not allowed in this state. */
export function invalidState(message: string, param?: string) {
  return new SandboxApiError(message, {
    status: 400,
    type: StripeErrorType.invalidRequest,
    param,
  });
}

/** 402 card error, e.g. `card_declined` with decline code `insufficient_funds`. */
export function cardError(
  message: string,
  code: string,
  declineCode?: string,
): SandboxApiError {
  return new SandboxApiError(message, {
    status: 402,
    type: StripeErrorType.card,
    code,
    declineCode,
  });
}
