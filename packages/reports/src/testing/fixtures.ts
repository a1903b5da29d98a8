/**
 * Test data for the renderers, built with the domain's own functions (rankUnits, buildComparison), fresh
 * on every call. Not part of the build.
 */
import {
  buildComparison,
  findIndicator,
  formatIndicatorValue,
  rankUnits,
  type TComparisonView,
  type TIndicator,
  type TRankEntry,
  type TRankingView,
  type TUnitType,
} from '@commune-bench/domain';
import { buildTarget } from '@commune-bench/domain/testing';
import type { ReportContext } from '../report-context.schema.js';

export const FORMULA_UNIT_NAME = '=HYPERLINK("http://example.invalid","Bấm vào đây")';

export function indicatorOf(code: string): TIndicator {
  const indicator = findIndicator(code);
  if (indicator === undefined) throw new Error(`no indicator ${code}`);
  return indicator;
}

export function reportContext(overrides: Partial<ReportContext> = {}): ReportContext {
  const indicator = indicatorOf('TTHC.ONTIME');
  return {
    indicator: {
      code: indicator.code,
      nameVi: indicator.nameVi,
      unit: indicator.unit,
      precision: indicator.precision,
    },
    issuingBody: 'SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI',
    place: 'Hà Nội',
    date: '2026-06-12',
    generatedBy: 'Nguyễn Thị Hằng',
    generatedAt: '2026-06-12T03:05:00Z',
    dataSource: 'Hệ thống thông tin giải quyết thủ tục hành chính thành phố Hà Nội',
    ownUnitId: 'odien',
    topN: 3,
    provinceName: { HNI: 'Hà Nội', HUE: 'Huế' },
    ...overrides,
  };
}

/** The small ranking most tests read back: ties, an own unit, a provisional value, a new unit, a formula-like name, left-out units. */
export function smallRanking(): TRankingView {
  const indicator = indicatorOf('TTHC.ONTIME');
  const entries: TRankEntry[] = [
    { unitId: 'huongtra', unitName: 'Hương Trà', value: 97 },
    { unitId: 'danphuong', unitName: 'Đan Phượng', value: 92.4 },
    { unitId: 'odien', unitName: 'Ô Diên', value: 92.35 },
    { unitId: 'hoaihao', unitName: 'Hoài Hảo', value: 90 },
    { unitId: 'hungthinh', unitName: 'Hưng Thịnh', value: 88.25, provisional: true },
    { unitId: 'formula', unitName: FORMULA_UNIT_NAME, value: 75.5 },
    { unitId: 'lienhong', unitName: 'Liên Hồng', value: 70 },
    { unitId: 'yennghia', unitName: 'Yên Nghĩa', value: null },
    { unitId: 'kimdong', unitName: 'Kim Động', value: 81, excludedReason: 'not_verified' },
    {
      unitId: 'phuxuyen',
      unitName: 'Phú Xuyên',
      value: 99,
      excludedReason: 'not_in_cohort_that_year',
    },
  ];
  const previousRanks = new Map([
    ['huongtra', 2],
    ['danphuong', 1],
    ['odien', 5],
    ['hoaihao', 4],
    ['hungthinh', 3],
    ['formula', 6],
  ]);
  const result = rankUnits(entries, {
    direction: indicator.direction,
    precision: indicator.precision,
    ties: 'competition',
    previousRanks,
    format: (value) => formatIndicatorValue(value, indicator),
  });
  return {
    method: {
      cohort: { province: 'HNI', unitTypes: ['xa'], classes: ['I'] },
      period: '2026',
      previousPeriod: '2025',
      indicator: indicator.code,
      direction: indicator.direction,
      ties: 'competition',
      precision: indicator.precision,
      statusesCounted: ['verified', 'submitted'],
    },
    ...result,
  };
}

const NAME_PARTS = [
  'An',
  'Bình',
  'Châu',
  'Đông',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hòa',
  'Hồng',
  'Hưng',
  'Khánh',
  'Lạc',
  'Lâm',
  'Long',
  'Minh',
  'Mỹ',
  'Nam',
  'Ninh',
  'Phong',
  'Phú',
  'Phước',
  'Quảng',
  'Sơn',
  'Tân',
  'Thạch',
  'Thanh',
  'Thịnh',
  'Thuận',
  'Tiến',
  'Trung',
  'Trường',
  'Tây',
  'Vĩnh',
  'Xuân',
  'Yên',
  'Ô Diên',
  'Đan Phượng',
];

/** A national-size ranking: `count` ranked communes with pseudo-random values (seeded, many tied), and 12 left out. */
export function largeRanking(count = 3321): TRankingView {
  const indicator = indicatorOf('TTHC.ONTIME');
  let seed = 20260612;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const entries: TRankEntry[] = [];
  const previousRanks = new Map<string, number>();
  for (let index = 0; index < count; index += 1) {
    const first = NAME_PARTS[index % NAME_PARTS.length] ?? 'An';
    const second = NAME_PARTS[Math.floor(index / NAME_PARTS.length) % NAME_PARTS.length] ?? 'Bình';
    const unitId = `u${index + 1}`;
    entries.push({
      unitId,
      unitName: `${first} ${second} ${index + 1}`,
      value: 40 + random() * 60,
      provisional: index % 53 === 0,
    });
    if (index % 11 !== 0) previousRanks.set(unitId, 1 + Math.floor(random() * count));
  }
  for (let index = 0; index < 12; index += 1) {
    entries.push({
      unitId: `x${index + 1}`,
      unitName: `Đơn vị chưa xếp hạng ${index + 1}`,
      value: index % 3 === 0 ? null : 50,
      ...(index % 3 === 1 ? { excludedReason: 'not_verified' as const } : {}),
      ...(index % 3 === 2 ? { excludedReason: 'not_in_cohort_that_year' as const } : {}),
    });
  }
  const result = rankUnits(entries, {
    direction: 'higher_better',
    precision: indicator.precision,
    ties: 'competition',
    previousRanks,
    format: (value) => formatIndicatorValue(value, indicator),
  });
  return {
    method: {
      cohort: { unitTypes: ['xa', 'phuong', 'dac_khu'] },
      period: '2026',
      previousPeriod: '2025',
      indicator: indicator.code,
      direction: 'higher_better',
      ties: 'competition',
      precision: indicator.precision,
      statusesCounted: ['verified'],
    },
    ...result,
  };
}

export interface ComparisonUnitFixture {
  id: string;
  name: string;
  type: TUnitType;
  provinceCode: string | null;
}

export const COMPARISON_UNITS: readonly ComparisonUnitFixture[] = [
  { id: 'odien', name: 'Ô Diên', type: 'xa', provinceCode: 'HNI' },
  { id: 'danphuong', name: 'Đan Phượng', type: 'xa', provinceCode: 'HNI' },
  { id: 'huongtra', name: 'Hương Trà', type: 'phuong', provinceCode: 'HUE' },
  { id: 'hoaihao', name: 'Hoài Hảo', type: 'phuong', provinceCode: 'GLA' },
];

/** A comparison of `units` on three indicators in two areas, evaluated by the domain for 2026. */
export function comparisonView(
  units: readonly ComparisonUnitFixture[] = COMPARISON_UNITS,
): TComparisonView {
  const ids = units.map((unit) => unit.id);
  const targetsByUnit = new Map(
    ids.map((id, index) => [
      id,
      [
        buildTarget({
          indicatorCode: 'TTHC.ONTIME',
          comparator: 'gte',
          value: 90 + index * 2,
          dueYear: 2026,
        }),
        ...(index === 1
          ? []
          : [
              buildTarget({
                indicatorCode: 'TTHC.FULL_ONLINE_SVC',
                label: 'Dịch vụ công trực tuyến toàn trình',
                comparator: 'gte',
                value: 80 - index * 5,
                dueYear: 2027,
                baselineYear: 2025,
              }),
            ]),
        buildTarget({
          indicatorCode: 'CQS.DTI',
          label: 'Chỉ số chuyển đổi số',
          comparator: 'gte',
          value: 0.6 + index * 0.05,
          unit: 'score',
          dueYear: 2026,
        }),
      ],
    ]),
  );
  const seriesByUnit = new Map(
    ids.map((id, index) => [
      id,
      new Map([
        [
          'TTHC.ONTIME',
          [
            { period: '2025', value: 88 + index },
            { period: '2026', value: 91 + index * 1.5 },
          ],
        ],
        [
          'TTHC.FULL_ONLINE_SVC',
          index === 2
            ? []
            : [
                { period: '2025', value: 50 },
                { period: '2026', value: 70 - index * 10 },
              ],
        ],
        ['CQS.DTI', [{ period: '2026', value: 0.58 + index * 0.06 }]],
      ]),
    ]),
  );
  return buildComparison({
    period: '2026',
    units,
    targetsByUnit,
    seriesByUnit,
    indicators: findIndicator,
  });
}
