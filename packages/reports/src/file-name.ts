/** File names of exported reports: a Vietnamese name for `filename*` and an ASCII fallback for `filename`. */
import type { ReportFormat, ReportKind } from './report-context.schema.js';

export interface ReportFileName {
  /** `Xep-hang-DTI-2026-20260612.xlsx`: letters, digits, `-`, `_` and `.` only. */
  readonly ascii: string;
  /** `Xếp-hạng-DTI-2026-20260612.xlsx`. */
  readonly utf8: string;
  /** `attachment; filename="…ascii…"; filename*=UTF-8''…percent-encoded utf8…` (RFC 6266 / RFC 8187). */
  readonly contentDisposition: string;
}

/** Removes Vietnamese marks, keeping case: `Xếp hạng Đan Phượng` → `Xep hang Dan Phuong`. */
function toAscii(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** Characters a file name must not hold on Windows, macOS or Linux, and control characters. */
function safeSegment(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\s]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
  );
}

/** RFC 8187 `ext-value`: UTF-8, percent-encoded except attr-chars. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function contentDisposition(names: { ascii: string; utf8: string }): string {
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeExtValue(names.utf8)}`;
}

/**
 * `reportFileName('ranking', context, 'xlsx', { period: '2026' })` →
 * `Xếp-hạng-DTI-2026-20260612.xlsx` / `Xep-hang-DTI-2026-20260612.xlsx`: kind, the indicator's short
 * code (the part after the area: `CQS.DTI` → `DTI`; `Tong-hop` for the composite score), the period
 * when given, the report's date, `Minh-họa` for demo data.
 */
export function reportFileName(
  kind: ReportKind,
  context: {
    readonly indicator?: { readonly code: string } | 'composite';
    readonly date: string;
    readonly isDemo?: boolean;
  },
  format: ReportFormat,
  options: { readonly period?: string } = {},
): ReportFileName {
  const parts: string[] = [kind === 'ranking' ? 'Xếp-hạng' : 'So-sánh-chỉ-tiêu'];
  if (kind === 'ranking' && context.indicator !== undefined) {
    parts.push(
      context.indicator === 'composite'
        ? 'Tổng-hợp'
        : (context.indicator.code.split('.').pop() ?? context.indicator.code),
    );
  }
  if (options.period !== undefined) parts.push(options.period);
  parts.push(context.date.replace(/-/g, ''));
  if (context.isDemo === true) parts.push('Minh-họa');
  const stem = parts
    .map(safeSegment)
    .filter((part) => part !== '')
    .join('-');
  const utf8 = `${stem}.${format}`;
  const ascii = `${toAscii(stem).replace(/-+/g, '-')}.${format}`;
  return { ascii, utf8, contentDisposition: contentDisposition({ ascii, utf8 }) };
}
