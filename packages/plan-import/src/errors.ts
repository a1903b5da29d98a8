/** Coded errors of the importer. `status` is the HTTP status the API should answer with; `message` is Vietnamese, shown as is. */

export const PLAN_IMPORT_ERROR_CODES = [
  'unsupported_type',
  'empty_document',
  'unreadable',
  'no_text_layer',
  'not_a_plan',
  'too_large',
  'too_many_pages',
  'timeout',
  'internal_error',
] as const;
export type TPlanImportErrorCode = (typeof PLAN_IMPORT_ERROR_CODES)[number];

const STATUS: Record<TPlanImportErrorCode, number> = {
  unsupported_type: 415,
  empty_document: 422,
  unreadable: 422,
  no_text_layer: 422,
  not_a_plan: 422,
  too_large: 413,
  too_many_pages: 413,
  timeout: 422,
  internal_error: 500,
};

export class PlanImportError extends Error {
  readonly code: TPlanImportErrorCode;
  /** The HTTP status the API should answer with. */
  readonly status: number;
  declare readonly details?: unknown;

  constructor(code: TPlanImportErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'PlanImportError';
    this.code = code;
    this.status = STATUS[code];
    if (details !== undefined) this.details = details;
  }
}

export function isPlanImportError(error: unknown): error is PlanImportError {
  return error instanceof PlanImportError;
}
