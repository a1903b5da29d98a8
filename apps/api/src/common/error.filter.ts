import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { TErrorBody } from '@commune-bench/domain';
import type { Response } from 'express';
import { AppError } from './app-error.js';
import { isDatabaseUnavailable } from './database-errors.js';

const HTTP_MESSAGES_VI: Record<number, { code: string; message: string }> = {
  400: { code: 'bad_request', message: 'Yêu cầu không hợp lệ.' },
  401: { code: 'unauthorized', message: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.' },
  403: { code: 'forbidden', message: 'Bạn không có quyền thực hiện thao tác này.' },
  404: { code: 'not_found', message: 'Không tìm thấy địa chỉ yêu cầu.' },
  413: { code: 'payload_too_large', message: 'Dữ liệu gửi lên quá lớn.' },
  415: { code: 'unsupported_media_type', message: 'Loại dữ liệu không được hỗ trợ.' },
  429: { code: 'too_many_requests', message: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.' },
};

/** One place that turns every error into `{ code, message, details? }`; 500 bodies stay generic. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let status = 500;
    let body: TErrorBody = {
      code: 'internal_error',
      message: 'Lỗi hệ thống. Vui lòng thử lại sau.',
    };
    if (exception instanceof AppError) {
      status = exception.status;
      body = {
        code: exception.code,
        message: exception.message,
        ...(exception.details === undefined ? {} : { details: exception.details }),
      };
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      body =
        status === 400 && /JSON/i.test(exception.message)
          ? { code: 'malformed_json', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' }
          : (HTTP_MESSAGES_VI[status] ?? { code: `http_${status}`, message: exception.message });
    } else if (isHttpError(exception) && exception.status < 500) {
      // Errors of the HTTP layer itself (body parser: malformed JSON, body too large).
      status = exception.status;
      body =
        exception.type === 'entity.parse.failed'
          ? { code: 'malformed_json', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' }
          : exception.status === 413
            ? { code: 'payload_too_large', message: 'Dữ liệu gửi lên quá lớn.' }
            : (HTTP_MESSAGES_VI[status] ?? {
                code: `http_${status}`,
                message: 'Yêu cầu không hợp lệ.',
              });
    } else if (isDatabaseUnavailable(exception)) {
      status = 503;
      body = {
        code: 'database_unavailable',
        message: 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau.',
      };
    }
    const request = host.switchToHttp().getRequest<{ method?: string; originalUrl?: string }>();
    const where = `${status} ${request.method ?? ''} ${request.originalUrl ?? ''}`;
    if (status === 503)
      this.logger.warn(
        `${where}: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
    else if (status >= 500)
      this.logger.error(
        `${where}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
      );
    response.status(status).json(body);
  }
}

function isHttpError(error: unknown): error is { status: number; type?: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    (error as { expose?: unknown }).expose === true
  );
}
