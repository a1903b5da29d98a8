import { DomainError } from '@commune-bench/domain';
import type { z } from 'zod';
import {
  ZComparisonReportContext,
  ZReportContext,
  type ComparisonReportContext,
  type ReportContext,
} from './report-context.schema.js';

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new DomainError(
    'invalid_argument',
    `Thông tin báo cáo không hợp lệ: ${issues.map((issue) => issue.path || '(gốc)').join(', ')}.`,
    { issues },
  );
}

/** Validates a ranking report's context; throws `DomainError('invalid_argument')` naming the bad fields. */
export function parseContext(raw: unknown): ReportContext {
  return parseWith(ZReportContext, raw);
}

export function parseComparisonContext(raw: unknown): ComparisonReportContext {
  return parseWith(ZComparisonReportContext, raw);
}
