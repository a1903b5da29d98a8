import type { TLoginResponse, TMe, TProvince, TUnitListItem } from '@commune-bench/domain';
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
  return { accessToken: `token-${nextSequence()}`, expiresIn: 3600, user: buildMe(), ...overrides };
}
