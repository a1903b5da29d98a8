/** Request and response shapes of the API's write paths, comparisons, rankings and audit (the contract). */
import { z } from 'zod';
import {
  ZCohortRule,
  ZId,
  ZPeriod,
  ZPhase,
  ZPlan,
  ZPlanKind,
  ZResultStatus,
  ZTarget,
  ZUnitClass,
  ZUnitType,
  ZReformArea,
} from './schemas.js';

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng yyyy-mm-dd');
const ZYear = z.number().int().min(1990).max(2100);
const ZUuid = z.uuid('mã không hợp lệ');
/** `a,b,c` in a query string. */
const splitCsv = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export const ZUnitCreate = z.strictObject({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  type: ZUnitType,
  provinceCode: z.string().max(32).nullable(),
  parentName: z.string().max(200).nullable().default(null),
  validFrom: ZIsoDate.nullable().default(null),
  validTo: ZIsoDate.nullable().default(null),
  mergedIntoId: ZUuid.nullable().default(null),
  notes: z.string().max(2000).nullable().default(null),
});
export type TUnitCreate = z.infer<typeof ZUnitCreate>;

export const ZUnitUpdate = ZUnitCreate.omit({ code: true }).partial();
export type TUnitUpdate = z.infer<typeof ZUnitUpdate>;

/** A new class decision: the classification in force closes the day before `validFrom`. */
export const ZClassificationCreate = z.strictObject({
  class: ZUnitClass,
  basis: z.string().max(500).nullable().default(null),
  decisionNo: z.string().max(200).nullable().default(null),
  validFrom: ZIsoDate,
});
export type TClassificationCreate = z.infer<typeof ZClassificationCreate>;

export const ZTargetInput = ZTarget.omit({ id: true }).extend({
  confidence: z.number().min(0).max(1).nullable().default(null),
  reviewed: z.boolean().default(true),
  phase: z.string().nullable().default(null),
  baselineYear: ZYear.nullable().default(null),
  cohort: ZCohortRule.nullable().default(null),
  aspirational: z.boolean().default(false),
  source: ZTarget.shape.source.default(null),
  areaInPlan: ZReformArea.nullable().default(null),
});
export type TTargetInput = z.infer<typeof ZTargetInput>;

export const ZPlanCreate = z.strictObject({
  unitId: ZUuid,
  title: z.string().trim().min(1).max(500),
  kind: ZPlanKind,
  documentNo: z.string().max(100).nullable().default(null),
  documentDate: ZIsoDate.nullable().default(null),
  issuer: z.string().max(300).nullable().default(null),
  fromYear: ZYear,
  toYear: ZYear,
  phases: z.array(ZPhase).max(10).default([]),
  parentPlanId: ZUuid.nullable().default(null),
  sourceFile: z
    .strictObject({ name: z.string().max(300), sha256: z.string().max(64) })
    .nullable()
    .default(null),
  targets: z.array(ZTargetInput).max(500),
});
export type TPlanCreate = z.infer<typeof ZPlanCreate>;

/** Changes to a plan; `targets`, when given, replace the plan's targets. `version` is the one read. */
export const ZPlanUpdate = ZPlanCreate.omit({ unitId: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type TPlanUpdate = z.infer<typeof ZPlanUpdate>;

export const ZPlanSummary = ZPlan.omit({ targets: true }).extend({ targetCount: z.number().int() });
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

export const ZTargetGroup = z.strictObject({
  area: ZReformArea.nullable(),
  phase: z.string().nullable(),
  targets: z.array(ZTarget),
});
export type TTargetGroup = z.infer<typeof ZTargetGroup>;

export const ZPlanDetail = ZPlan.extend({ groups: z.array(ZTargetGroup) });
export type TPlanDetail = z.infer<typeof ZPlanDetail>;

export const ZPlanQuery = z.strictObject({ unitId: ZUuid.optional() });

export const ZResultUpsert = z.strictObject({
  unitId: ZUuid,
  indicatorCode: z.string().min(1).max(64),
  period: ZPeriod,
  value: z.number().finite().nullable(),
  numerator: z.number().finite().nullable().optional(),
  denominator: z.number().finite().positive().nullable().optional(),
  source: z.string().max(1000).nullable().optional(),
  evidence: z.array(z.string().max(1000)).max(50).optional(),
  /** The version read; absent when creating. A stale version gets 409 with the current result. */
  version: z.number().int().min(1).optional(),
});
export type TResultUpsert = z.infer<typeof ZResultUpsert>;

export const ZResultView = z.strictObject({
  id: ZId,
  unitId: ZId,
  indicatorCode: z.string(),
  period: ZPeriod,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  source: z.string().nullable(),
  evidence: z.array(z.string()),
  status: ZResultStatus,
  returnReason: z.string().nullable(),
  submittedBy: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TResultView = z.infer<typeof ZResultView>;

export const ZResultQuery = z.strictObject({
  unitId: ZUuid.optional(),
  indicator: z.string().max(64).optional(),
  period: ZPeriod.optional(),
  status: ZResultStatus.optional(),
});
export type TResultQuery = z.infer<typeof ZResultQuery>;

export const ZResultReturn = z.strictObject({
  reason: z.string().trim().min(3, 'cần nêu lý do').max(2000),
});

export const ZImportRowError = z.strictObject({
  row: z.number().int(),
  column: z.string().optional(),
  reason: z.string(),
});
export const ZResultImportReport = z.strictObject({
  imported: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(ZImportRowError),
});
export type TResultImportReport = z.infer<typeof ZResultImportReport>;

/** Background jobs: national-size exports and large imports run outside the request. */
export const ZJobKind = z.enum(['ranking_export', 'comparison_export', 'results_import']);
export type TJobKind = z.infer<typeof ZJobKind>;
export const ZJobStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type TJobStatus = z.infer<typeof ZJobStatus>;

/** The file formats of exported reports (`/api/reports/ranking.{format}`, export jobs). */
export const REPORT_FORMATS = ['xlsx', 'pdf', 'docx', 'csv'] as const;
export const ZReportFormat = z.enum(REPORT_FORMATS);
export type TReportFormat = z.infer<typeof ZReportFormat>;
/** What a person calls each format ("Xuất Excel"). */
export const REPORT_FORMAT_NAMES_VI: Readonly<Record<TReportFormat, string>> = {
  xlsx: 'Excel',
  pdf: 'PDF',
  docx: 'Word',
  csv: 'CSV',
};

/** `POST /api/jobs/exports`: the parameters of the matching `/api/reports/…` download, as a job. */
export const ZExportJobCreate = z.strictObject({
  report: z.enum(['ranking', 'comparison']),
  format: ZReportFormat,
  /** The query string of /api/rankings or /api/comparisons, as an object of strings. */
  query: z.record(z.string().max(64), z.string().max(4000)),
});
export type TExportJobCreate = z.infer<typeof ZExportJobCreate>;

export const ZJobView = z.strictObject({
  id: ZUuid,
  kind: ZJobKind,
  status: ZJobStatus,
  /** 0–100. */
  progress: z.number().int().min(0).max(100),
  /** What the job does, in Vietnamese ("Xuất bảng xếp hạng (Excel)"). */
  label: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  attempts: z.number().int(),
  /** The exported file, once done (download at /api/jobs/:id/file). */
  file: z
    .strictObject({ name: z.string(), contentType: z.string(), size: z.number().int() })
    .nullable(),
  importReport: ZResultImportReport.nullable(),
  error: z
    .strictObject({ code: z.string(), message: z.string(), details: z.unknown().optional() })
    .nullable(),
});
export type TJobView = z.infer<typeof ZJobView>;

export const ZComparisonQuery = z.strictObject({
  units: z
    .string()
    .transform(splitCsv)
    .pipe(z.array(ZUuid).min(1, 'chọn ít nhất một đơn vị').max(10, 'tối đa 10 đơn vị')),
  period: ZPeriod,
  indicators: z
    .string()
    .transform(splitCsv)
    .pipe(z.array(z.string().max(64)))
    .optional(),
  include: z.enum(['verified', 'submitted']).default('verified'),
});
export type TComparisonQuery = z.infer<typeof ZComparisonQuery>;

export const ZAuditQuery = z.strictObject({
  entity: z.enum(['unit', 'classification', 'plan', 'result', 'user', 'auth']).optional(),
  id: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.strictObject({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export { ZUuid };

export const ZPassword = z.string().min(10, 'mật khẩu cần ít nhất 10 ký tự').max(200);

/** Reviewers: 'all' or province codes. */
const ZScopeProvinces = z
  .union([z.literal('all'), z.array(z.string().min(1).max(32)).min(1)])
  .nullable();
const ZUserScopeFields = {
  scopeProvinces: ZScopeProvinces.default(null),
  /** Commune staff: their unit. */
  scopeUnitId: ZUuid.nullable().default(null),
};

export const ZUserCreate = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(100)
    .regex(/^[a-z0-9._-]+$/, 'chỉ gồm chữ thường không dấu, số, dấu chấm, gạch'),
  displayName: z.string().trim().min(1).max(200),
  password: ZPassword,
  role: z.enum(['admin', 'reviewer', 'commune_staff']),
  ...ZUserScopeFields,
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  password: ZPassword.optional(),
  role: z.enum(['admin', 'reviewer', 'commune_staff']).optional(),
  scopeProvinces: ZScopeProvinces.optional(),
  scopeUnitId: ZUuid.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZUserView = z.strictObject({
  id: ZId,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'reviewer', 'commune_staff']),
  scope: z.strictObject({
    provinces: z.union([z.literal('all'), z.array(z.string())]).nullable(),
    unitId: ZId.nullable(),
  }),
  disabled: z.boolean(),
});
export type TUserView = z.infer<typeof ZUserView>;
