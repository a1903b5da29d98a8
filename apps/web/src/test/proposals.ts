import type { TPlanProposal, TProposedTarget } from '@commune-bench/domain';

export function buildProposedTarget(overrides: Partial<TProposedTarget> = {}): TProposedTarget {
  return {
    indicatorCode: 'TTHC.ONTIME',
    label: 'Hồ sơ giải quyết đúng hạn',
    areaInPlan: 'TTHC',
    comparator: 'gte',
    value: 95,
    unit: 'percent',
    dueYear: 2025,
    phase: null,
    baselineYear: null,
    cohort: null,
    aspirational: false,
    conflict: null,
    confidence: 0.9,
    source: { quote: 'tối thiểu 95% hồ sơ giải quyết đúng hạn', line: 3 },
    ...overrides,
  };
}

export function buildProposal(targets: TProposedTarget[]): TPlanProposal {
  return {
    plan: {
      unitName: 'Hưng Thịnh',
      unitType: 'xa',
      provinceName: null,
      title: 'Kế hoạch cải cách hành chính năm 2025 của xã Hưng Thịnh',
      kind: 'ke_hoach',
      fromYear: 2025,
      toYear: 2025,
      phases: [],
      documentNumber: null,
      issuedOn: null,
      issuer: 'UBND xã Hưng Thịnh',
    },
    targets,
    warnings: [{ code: 'no_indicator', message: 'Không tìm thấy chỉ số trong danh mục.', line: 5 }],
  };
}
