import type { ErrorBody } from '@/domain/contract/api-contract';

type ErrorCode = ErrorBody['error']['code'];

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

/** An error a handler answers with: DESIGN.md's error body, with the status its code stands for. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { field?: string; rule?: string } = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

export const badRequest = (field: string, message: string) => new ApiError('BAD_REQUEST', message, { field });
export const unauthenticated = (message: string) => new ApiError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new ApiError('FORBIDDEN', message);
export const notFound = (message: string) => new ApiError('NOT_FOUND', message);
export const conflict = (message: string, rule: string) => new ApiError('CONFLICT', message, { rule });
