/**
 * The API contract: every request and response shape, as zod schemas (`Z…`) with inferred types (`T…`).
 * The API validates input with these, the web app imports the same types.
 */
import { z } from 'zod';

export const UNIT_TYPES = [
  'xa',
  'phuong',
  'dac_khu',
  'thi_tran',
  'huyen',
  'thi_xa',
  'quan',
  'thanh_pho_thuoc_tinh',
  'tinh',
  'thanh_pho_tw',
] as const;
export const ZUnitType = z.enum(UNIT_TYPES);
export type TUnitType = z.infer<typeof ZUnitType>;
/** Commune-level types since 1/7/2025. */
export const COMMUNE_TYPES: readonly TUnitType[] = ['xa', 'phuong', 'dac_khu'];

export const UNIT_CLASSES = ['special', 'I', 'II', 'III'] as const;
export const ZUnitClass = z.enum(UNIT_CLASSES);
export type TUnitClass = z.infer<typeof ZUnitClass>;

export const REFORM_AREAS = ['CDDH', 'THCH', 'TTHC', 'TCBM', 'CVU', 'TCCO', 'CQS'] as const;
export const ZReformArea = z.enum(REFORM_AREAS);
export type TReformArea = z.infer<typeof ZReformArea>;

export const COMPARATORS = [
  'gte',
  'gt',
  'eq',
  'lte',
  'lt',
  'top_n',
  'better_rank',
  'improve',
  'level_gte',
  'change_by',
  'milestone',
  'count_gte',
] as const;
export const ZComparator = z.enum(COMPARATORS);
export type TComparator = z.infer<typeof ZComparator>;

export const INDICATOR_UNITS = ['percent', 'count', 'level', 'rank', 'score', 'bool'] as const;
export const ZIndicatorUnit = z.enum(INDICATOR_UNITS);
export type TIndicatorUnit = z.infer<typeof ZIndicatorUnit>;

export const ZDirection = z.enum(['higher_better', 'lower_better']);
export type TDirection = z.infer<typeof ZDirection>;

export const RESULT_STATUSES = ['draft', 'submitted', 'verified', 'returned'] as const;
export const ZResultStatus = z.enum(RESULT_STATUSES);
export type TResultStatus = z.infer<typeof ZResultStatus>;

export const ATTAINMENT_STATUSES = [
  'met',
  'not_met',
  'on_track',
  'off_track',
  'no_data',
  'not_applicable',
] as const;
export const ZAttainmentStatus = z.enum(ATTAINMENT_STATUSES);
export type TAttainmentStatus = z.infer<typeof ZAttainmentStatus>;

export const ZPlanKind = z.enum(['ke_hoach', 'nghi_quyet', 'quyet_dinh', 'chuong_trinh']);
export type TPlanKind = z.infer<typeof ZPlanKind>;
export const ZPlanStatus = z.enum(['draft', 'issued']);
export type TPlanStatus = z.infer<typeof ZPlanStatus>;

export const ZRole = z.enum(['admin', 'reviewer', 'commune_staff']);
export type TRole = z.infer<typeof ZRole>;

export const ZTieRule = z.enum(['competition', 'dense']);
export type TTieRule = z.infer<typeof ZTieRule>;

export const ZExcludedReason = z.enum(['no_data', 'not_verified', 'not_in_cohort_that_year']);
export type TExcludedReason = z.infer<typeof ZExcludedReason>;

/** `2025`, `2025-H1`, `2025-Q3`, `2025-09`. */
export const PERIOD_PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
export const ZPeriod = z
  .string()
  .regex(PERIOD_PATTERN, 'period must look like 2025, 2025-H1, 2025-Q3 or 2025-09');
export type TPeriod = z.infer<typeof ZPeriod>;

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be yyyy-mm-dd');
const ZYear = z.number().int().min(1990).max(2100);
export const ZId = z.string().min(1).max(64);

export const ZProvince = z.strictObject({
  code: z.string().min(1).max(32),
  name: z.string().min(1),
  kind: z.enum(['tinh', 'thanh_pho']),
  validFrom: ZIsoDate.nullable(),
  validTo: ZIsoDate.nullable(),
  mergedInto: z.string().nullable(),
});
export type TProvince = z.infer<typeof ZProvince>;

export const ZUnitClassification = z.strictObject({
  unitId: ZId,
  class: ZUnitClass,
  basis: z.string().nullable(),
  decisionNo: z.string().nullable(),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullable(),
});
export type TUnitClassification = z.infer<typeof ZUnitClassification>;

export const ZUnit = z.strictObject({
  id: ZId,
  code: z.string().min(1).max(64),
  name: z.string().min(1),
  type: ZUnitType,
  provinceCode: z.string().nullable(),
  parentName: z.string().nullable(),
  validFrom: ZIsoDate.nullable(),
  validTo: ZIsoDate.nullable(),
  mergedIntoId: ZId.nullable(),
  isDemo: z.boolean(),
  notes: z.string().nullable(),
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZUnitWithClassifications = ZUnit.extend({
  classifications: z.array(ZUnitClassification),
});
export type TUnitWithClassifications = z.infer<typeof ZUnitWithClassifications>;

/** A unit as lists show it: its classification history and the class in force in the asked year. */
export const ZUnitListItem = ZUnitWithClassifications.extend({
  year: z.number().int(),
  classInYear: ZUnitClass.nullable(),
});
export type TUnitListItem = z.infer<typeof ZUnitListItem>;

export const ZUnitQuery = z.strictObject({
  province: z.string().max(32).optional(),
  type: ZUnitType.optional(),
  class: ZUnitClass.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  q: z.string().max(200).optional(),
});
export type TUnitQuery = z.infer<typeof ZUnitQuery>;

/** A cohort is a rule, evaluated for a period; members are derived. */
export const ZCohortRule = z.strictObject({
  province: z.string().optional(),
  unitTypes: z.array(ZUnitType).optional(),
  classes: z.array(ZUnitClass).optional(),
  explicitUnitIds: z.array(ZId).optional(),
});
export type TCohortRule = z.infer<typeof ZCohortRule>;

export const ZIndicator = z.strictObject({
  code: z.string().regex(/^[A-Z]+\.[A-Z0-9_]+$/),
  area: ZReformArea,
  nameVi: z.string().min(1),
  nameEn: z.string().min(1),
  unit: ZIndicatorUnit,
  direction: ZDirection,
  precision: z.number().int().min(0).max(6),
  aliases: z.array(z.string()),
  isIndex: z.boolean(),
});
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZPhase = z.strictObject({
  code: z.string().min(1).max(32),
  fromYear: ZYear,
  toYear: ZYear,
});
export type TPhase = z.infer<typeof ZPhase>;

export const ZTargetSource = z.strictObject({
  quote: z.string(),
  line: z.number().int().min(1).nullable(),
});

export const ZTarget = z.strictObject({
  id: ZId.optional(),
  indicatorCode: z.string().nullable(),
  label: z.string().min(1),
  areaInPlan: ZReformArea.nullable(),
  comparator: ZComparator,
  value: z.number().nullable(),
  unit: ZIndicatorUnit,
  dueYear: ZYear,
  phase: z.string().nullable(),
  baselineYear: ZYear.nullable(),
  cohort: ZCohortRule.nullable(),
  aspirational: z.boolean(),
  source: ZTargetSource.nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  reviewed: z.boolean(),
  conflictGroup: z.string().nullable().optional(),
  legacy: z.boolean().optional(),
});
export type TTarget = z.infer<typeof ZTarget>;

export const ZPlan = z.strictObject({
  id: ZId,
  unitId: ZId,
  title: z.string().min(1),
  kind: ZPlanKind,
  documentNo: z.string().nullable(),
  documentDate: ZIsoDate.nullable(),
  issuer: z.string().nullable(),
  status: ZPlanStatus,
  fromYear: ZYear,
  toYear: ZYear,
  phases: z.array(ZPhase),
  parentPlanId: ZId.nullable(),
  sourceFile: z.strictObject({ name: z.string(), sha256: z.string() }).nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  targets: z.array(ZTarget),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZResult = z.strictObject({
  id: ZId.optional(),
  unitId: ZId,
  indicatorCode: z.string(),
  period: ZPeriod,
  value: z.number().nullable(),
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  source: z.string().nullable().optional(),
  evidence: z.array(z.string()).optional(),
  status: ZResultStatus,
  submittedBy: z.string().nullable().optional(),
  verifiedBy: z.string().nullable().optional(),
  version: z.number().int().optional(),
});
export type TResult = z.infer<typeof ZResult>;

export const ZAttainment = z.strictObject({
  status: ZAttainmentStatus,
  ratio: z.number().nullable(),
  gap: z.number().nullable(),
  actual: z.number().nullable(),
  actualPeriod: ZPeriod.nullable(),
  explanation: z.string(),
});
export type TAttainment = z.infer<typeof ZAttainment>;

export const ZRankingQuery = z.strictObject({
  indicator: z.string().min(1),
  period: ZPeriod,
  province: z.string().optional(),
  type: ZUnitType.optional(),
  class: ZUnitClass.optional(),
  top: z.coerce.number().int().min(1).max(10000).optional(),
  around: ZId.optional(),
  k: z.coerce.number().int().min(0).max(100).optional(),
  ties: ZTieRule.default('competition'),
  include: z.enum(['verified', 'submitted']).default('verified'),
});
export type TRankingQuery = z.infer<typeof ZRankingQuery>;

export const ZRankedRow = z.strictObject({
  unitId: ZId,
  unitName: z.string(),
  rank: z.number().int().min(1),
  value: z.number(),
  displayValue: z.string(),
  previousRank: z.number().int().nullable(),
  change: z.number().int().nullable(),
  isNew: z.boolean(),
  provisional: z.boolean(),
});
export type TRankedRow = z.infer<typeof ZRankedRow>;

export const ZExcludedRow = z.strictObject({
  unitId: ZId,
  unitName: z.string(),
  reason: ZExcludedReason,
});
export type TExcludedRow = z.infer<typeof ZExcludedRow>;

export const ZRankingMethod = z.strictObject({
  cohort: ZCohortRule,
  period: ZPeriod,
  previousPeriod: ZPeriod.nullable(),
  indicator: z.string(),
  direction: ZDirection,
  ties: ZTieRule,
  precision: z.number().int(),
  statusesCounted: z.array(ZResultStatus),
});
export type TRankingMethod = z.infer<typeof ZRankingMethod>;

export const ZRankingView = z.strictObject({
  method: ZRankingMethod,
  rows: z.array(ZRankedRow),
  excluded: z.array(ZExcludedRow),
  total: z.number().int(),
});
export type TRankingView = z.infer<typeof ZRankingView>;

export const ZComparisonCell = z.strictObject({
  unitId: ZId,
  target: ZTarget.nullable(),
  attainment: ZAttainment.nullable(),
  mostAmbitious: z.boolean(),
  leastAmbitious: z.boolean(),
});
export type TComparisonCell = z.infer<typeof ZComparisonCell>;

export const ZComparisonRow = z.strictObject({
  indicatorCode: z.string(),
  area: ZReformArea,
  cells: z.array(ZComparisonCell),
  unitsWithoutTarget: z.array(ZId),
});
export type TComparisonRow = z.infer<typeof ZComparisonRow>;

export const ZComparisonView = z.strictObject({
  period: ZPeriod,
  units: z.array(
    z.strictObject({
      id: ZId,
      name: z.string(),
      type: ZUnitType,
      provinceCode: z.string().nullable(),
    }),
  ),
  rows: z.array(ZComparisonRow),
});
export type TComparisonView = z.infer<typeof ZComparisonView>;

export const ZCascadeIssue = z.strictObject({
  kind: z.enum(['weaker', 'missing']),
  indicatorCode: z.string(),
  dueYear: ZYear,
  parentValue: z.number().nullable(),
  childValue: z.number().nullable(),
  message: z.string(),
});
export type TCascadeIssue = z.infer<typeof ZCascadeIssue>;

export const ZLoginRequest = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZUserScope = z.strictObject({
  provinces: z.union([z.literal('all'), z.array(z.string())]).nullable(),
  unitId: ZId.nullable(),
});
export type TUserScope = z.infer<typeof ZUserScope>;

export const ZMe = z.strictObject({
  id: ZId,
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  scope: ZUserScope,
});
export type TMe = z.infer<typeof ZMe>;

export const ZLoginResponse = z.strictObject({
  accessToken: z.string(),
  /** Seconds the access token is valid. */
  expiresIn: z.number().int(),
  /** Opaque; exchange it at POST /api/auth/refresh for a new pair (each is usable once). */
  refreshToken: z.string(),
  refreshExpiresIn: z.number().int(),
  user: ZMe,
});
export const ZRefreshRequest = z.strictObject({ refreshToken: z.string().min(20).max(200) });
export const ZPasswordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10, 'mật khẩu mới cần ít nhất 10 ký tự').max(200),
});
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

export const ZHealth = z.strictObject({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['up', 'down']),
  version: z.string(),
});
export type THealth = z.infer<typeof ZHealth>;

export const ZErrorBody = z.strictObject({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;
