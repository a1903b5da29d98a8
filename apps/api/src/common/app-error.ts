/** Coded errors: services throw these; one filter maps them to HTTP. Messages are Vietnamese (the UI shows them). */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new AppError('validation_failed', 400, message, details);
export const unauthorized = (message = 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.') =>
  new AppError('unauthorized', 401, message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError('forbidden', 403, message);
export const notFound = (message: string) => new AppError('not_found', 404, message);
