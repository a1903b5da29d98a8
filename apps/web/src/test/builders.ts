import type {
  TJobView,
  TLoginResponse,
  TMe,
  TProvince,
  TRankedRow,
  TRankingView,
  TResultView,
  TUnitListItem,
} from '@commune-bench/domain';
import { buildClassification, buildUnit, nextSequence } from '@commune-bench/domain/testing';

/** A unit as `GET /api/units` lists it; by default class I in 2026 from one classification. */
export function buildUnitListItem(overrides: Partial<TUnitListItem> = {}): TUnitListItem {
  const { classifications, year, classInYear, ...unitOverrides } = overrides;
  const unit = buildUnit(unitOverrides);
  return {
    ...unit,
    classifications: classifications ?? [buildClassification({ unitId: unit.id })],
    year: year ?? 2026,
    classInYear: classInYear === undefined ? 'I' : classInYear,
  };
}

export function buildProvince(overrides: Partial<TProvince> = {}): TProvince {
  const n = nextSequence();
  return {
    code: `P${n}`,
    name: `Tỉnh Thử Nghiệm ${n}`,
    kind: 'tinh',
    validFrom: '2025-07-01',
    validTo: null,
    mergedInto: null,
    ...overrides,
  };
}

export function buildMe(overrides: Partial<TMe> = {}): TMe {
  const n = nextSequence();
  return {
    id: `user-${n}`,
    username: `user${n}`,
    displayName: `Người Dùng ${n}`,
    role: 'reviewer',
    scope: { provinces: ['HNI'], unitId: null },
    ...overrides,
  };
}

export function buildLoginResponse(overrides: Partial<TLoginResponse> = {}): TLoginResponse {
  const n = nextSequence();
  return {
    accessToken: `token-${n}`,
    expiresIn: 3600,
    refreshToken: `refresh-token-${n}-0123456789`,
    refreshExpiresIn: 7 * 24 * 3600,
    user: buildMe(),
    ...overrides,
  };
}

export function buildRankedRow(overrides: Partial<TRankedRow> = {}): TRankedRow {
  const n = nextSequence();
  return {
    unitId: `unit-${n}`,
    unitName: `Thử Nghiệm ${n}`,
    rank: 1,
    value: 0.5,
    displayValue: '0,5000',
    previousRank: null,
    change: null,
    isNew: false,
    provisional: false,
    ...overrides,
  };
}

export function buildRankingView(overrides: Partial<TRankingView> = {}): TRankingView {
  return {
    method: {
      cohort: { province: 'HNI', unitTypes: ['xa'], classes: ['I'] },
      period: '2026',
      previousPeriod: '2025',
      indicator: 'CQS.DTI',
      direction: 'higher_better',
      ties: 'competition',
      precision: 4,
      statusesCounted: ['verified'],
    },
    rows: [],
    excluded: [],
    total: overrides.rows?.length ?? 0,
    ...overrides,
  };
}

export function buildResultView(overrides: Partial<TResultView> = {}): TResultView {
  const n = nextSequence();
  return {
    id: `result-${n}`,
    unitId: `unit-${n}`,
    indicatorCode: 'TTHC.DATA_REUSE',
    period: '2026',
    value: 60,
    numerator: null,
    denominator: null,
    source: null,
    evidence: [],
    status: 'draft',
    returnReason: null,
    submittedBy: null,
    verifiedBy: null,
    isDemo: false,
    version: 1,
    updatedAt: '2026-06-12T03:00:00.000Z',
    ...overrides,
  };
}

/** A background job as `GET /api/jobs/:id` answers it; by default a ranking export just queued. */
export function buildJobView(overrides: Partial<TJobView> = {}): TJobView {
  const n = nextSequence();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    kind: 'ranking_export',
    status: 'queued',
    progress: 0,
    label: 'Xuất bảng xếp hạng (Excel)',
    createdAt: '2026-12-02T07:05:00.000Z',
    startedAt: null,
    finishedAt: null,
    attempts: 0,
    file: null,
    importReport: null,
    error: null,
    ...overrides,
  };
}
