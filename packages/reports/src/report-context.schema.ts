/** What a report says about itself besides the view: who issues it, where, when, from what data. */
import { ZId, ZIndicatorUnit, type TReportFormat } from '@commune-bench/domain';
import { z } from 'zod';

// The formats are the contract's (packages/domain).
export { REPORT_FORMATS, ZReportFormat } from '@commune-bench/domain';
export type ReportFormat = TReportFormat;

export const REPORT_KINDS = ['ranking', 'comparison'] as const;
export const ZReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ZReportKind>;

/** The ranked indicator as the report names it; `'composite'` for the attainment score (0–100). */
export const ZReportIndicator = z.strictObject({
  code: z.string().min(1),
  nameVi: z.string().min(1),
  unit: ZIndicatorUnit,
  precision: z.number().int().min(0).max(6),
});
export type ReportIndicator = z.infer<typeof ZReportIndicator>;

export const ZReportContext = z.strictObject({
  /** Replaces the default title ("BẢNG XẾP HẠNG" / "BẢNG SO SÁNH CHỈ TIÊU …"). */
  title: z.string().min(1).max(300).optional(),
  indicator: z.union([ZReportIndicator, z.literal('composite')]),
  /** E.g. "SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI"; a line break ("\n") splits it over two lines. */
  issuingBody: z.string().min(1).max(300),
  /** E.g. "Hà Nội", for the line "Hà Nội, ngày 12 tháng 6 năm 2026". */
  place: z.string().min(1).max(100),
  /** The document's date, `yyyy-mm-dd`. */
  date: z.iso.date(),
  /** Display name of the person who exported the report. */
  generatedBy: z.string().min(1).max(200),
  /** When the report was produced, ISO date-time (shown in Vietnam time). */
  generatedAt: z.iso.datetime({ offset: true }),
  /** Where the figures come from, in words. */
  dataSource: z.string().min(1).max(1000),
  /** The reader's own unit: its row is bold and highlighted. */
  ownUnitId: ZId.optional(),
  /** Rows ranked ≤ N are highlighted. */
  topN: z.number().int().min(1).max(100_000).optional(),
  /** Province code → name, for the cohort rule ("tỉnh/thành Hà Nội" instead of "tỉnh/thành HNI"). */
  provinceName: z.record(z.string(), z.string()).optional(),
  /** The data is generated demo data: every report says "Dữ liệu minh họa". */
  isDemo: z.boolean().optional(),
});
/** The context of a ranking report. */
export type ReportContext = z.infer<typeof ZReportContext>;

/** A comparison report needs no ranked indicator; the same context object may be passed. */
export const ZComparisonReportContext = ZReportContext.partial({ indicator: true });
export type ComparisonReportContext = z.infer<typeof ZComparisonReportContext>;

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
};
