/** Coded errors thrown by the domain functions. The API maps `code` to an HTTP status; `message` is shown as is. */

export const DOMAIN_ERROR_CODES = [
  'invalid_period',
  'unknown_indicator',
  'invalid_argument',
] as const;
export type TDomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: TDomainErrorCode;
  declare readonly details?: unknown;

  constructor(code: TDomainErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
