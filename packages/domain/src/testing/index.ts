/**
 * Builders for tests (`@commune-bench/domain/testing`): each returns a fresh, schema-valid object with
 * sensible defaults and unique ids; pass overrides for what the test is about. No shared fixtures.
 */
import {
  ZIndicator,
  ZResult,
  ZTarget,
  ZUnit,
  ZUnitClassification,
  type TIndicator,
  type TResult,
  type TTarget,
  type TUnit,
  type TUnitClassification,
} from '../schemas.js';

let sequence = 0;

/** A new number on every call: ids built from it never collide within a test run. */
export function nextSequence(): number {
  sequence += 1;
  return sequence;
}

export function buildUnit(overrides: Partial<TUnit> = {}): TUnit {
  const n = nextSequence();
  return ZUnit.parse({
    id: `unit-${n}`,
    code: `U${String(n).padStart(5, '0')}`,
    name: `Xã Thử Nghiệm ${n}`,
    type: 'xa',
    provinceCode: 'HN',
    parentName: null,
    validFrom: '2025-07-01',
    validTo: null,
    mergedIntoId: null,
    isDemo: false,
    notes: null,
    ...overrides,
  });
}

export function buildClassification(
  overrides: Partial<TUnitClassification> = {},
): TUnitClassification {
  const n = nextSequence();
  return ZUnitClassification.parse({
    unitId: `unit-${n}`,
    class: 'I',
    basis: 'NĐ 307/2025/NĐ-CP',
    decisionNo: `${n}/QĐ-UBND`,
    validFrom: '2025-07-01',
    validTo: null,
    ...overrides,
  });
}

export function buildIndicator(overrides: Partial<TIndicator> = {}): TIndicator {
  const n = nextSequence();
  const area = overrides.area ?? 'TTHC';
  return ZIndicator.parse({
    code: `${area}.TEST_${n}`,
    area,
    nameVi: `Chỉ số thử nghiệm ${n}`,
    nameEn: `test indicator ${n}`,
    unit: 'percent',
    direction: 'higher_better',
    precision: 1,
    aliases: [],
    isIndex: false,
    ...overrides,
  });
}

export function buildTarget(overrides: Partial<TTarget> = {}): TTarget {
  const n = nextSequence();
  return ZTarget.parse({
    id: `target-${n}`,
    indicatorCode: 'TTHC.ONTIME',
    label: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
    areaInPlan: 'TTHC',
    comparator: 'gte',
    value: 90,
    unit: 'percent',
    dueYear: 2026,
    phase: null,
    baselineYear: null,
    cohort: null,
    aspirational: false,
    source: null,
    confidence: null,
    reviewed: true,
    ...overrides,
  });
}

export function buildResult(overrides: Partial<TResult> = {}): TResult {
  const n = nextSequence();
  return ZResult.parse({
    id: `result-${n}`,
    unitId: `unit-${n}`,
    indicatorCode: 'TTHC.ONTIME',
    period: '2025',
    value: 90,
    status: 'verified',
    evidence: [],
    version: 1,
    ...overrides,
  });
}
