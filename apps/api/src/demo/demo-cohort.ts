/**
 * A deterministic demo cohort so rankings mean something: Hà Nội communes around Ô Diên and a few
 * peers in the other seeds' provinces, with classifications, results for 2024–2026 and a plan each.
 * Everything here is generated from a fixed seed and marked as demo data (is_demo) in the database
 * and the UI. Names are used as labels only: the figures are invented.
 */
import {
  findIndicator,
  roundTo,
  UNIT_CLASS_NAMES_VI,
  UNIT_TYPE_NAMES_VI,
  type TComparator,
  type TCohortRule,
  type TResultStatus,
  type TUnitClass,
  type TUnitType,
} from '@commune-bench/domain';

export const DEMO_SEED = 20260601;
export const DEMO_YEARS = [2024, 2025, 2026] as const;

/** The indicators every demo unit reports: the common procedure and e-government ones and the three indices. */
export const DEMO_INDICATORS: readonly {
  code: string;
  low: number;
  high: number;
  yearlyGain: number;
}[] = [
  { code: 'TTHC.ONTIME', low: 92, high: 100, yearlyGain: 0.8 },
  { code: 'TTHC.ONLINE_DOSSIER', low: 35, high: 85, yearlyGain: 6 },
  { code: 'TTHC.FULL_ONLINE_SVC', low: 50, high: 95, yearlyGain: 5 },
  { code: 'TTHC.DIGITIZE', low: 45, high: 95, yearlyGain: 6 },
  { code: 'TTHC.PAY_ENABLED', low: 40, high: 90, yearlyGain: 5 },
  { code: 'TTHC.DATA_REUSE', low: 25, high: 75, yearlyGain: 6 },
  { code: 'TTHC.SAT', low: 85, high: 99, yearlyGain: 0.8 },
  { code: 'CQS.ONLINE_SAT', low: 80, high: 98, yearlyGain: 1 },
  { code: 'CDDH.PAR_INDEX', low: 78, high: 93, yearlyGain: 0.9 },
  { code: 'CDDH.SIPAS', low: 82, high: 96, yearlyGain: 0.7 },
  { code: 'CQS.DTI', low: 0.35, high: 0.85, yearlyGain: 0.03 },
];

export interface DemoUnitSpec {
  code: string;
  name: string;
  type: TUnitType;
  provinceCode: string;
}

const HANOI_XA = [
  'Đan Phượng',
  'Liên Minh',
  'Hát Môn',
  'Hoài Đức',
  'Dương Hòa',
  'Sơn Đồng',
  'An Khánh',
  'Phúc Thọ',
  'Phúc Lộc',
  'Thạch Thất',
  'Hạ Bằng',
  'Tây Phương',
  'Quốc Oai',
  'Kiều Phú',
  'Hưng Đạo',
  'Phú Cát',
  'Chương Mỹ',
  'Phú Nghĩa',
  'Xuân Mai',
  'Thanh Oai',
  'Bình Minh',
  'Tam Hưng',
  'Thường Tín',
  'Phú Xuyên',
  'Ứng Hòa',
  'Mỹ Đức',
  'Hương Sơn',
  'Ba Vì',
  'Minh Châu',
  'Sóc Sơn',
];
const HANOI_PHUONG = [
  'Ba Đình',
  'Hoàn Kiếm',
  'Tây Hồ',
  'Long Biên',
  'Cầu Giấy',
  'Đống Đa',
  'Hoàng Mai',
  'Thanh Xuân',
  'Hà Đông',
  'Sơn Tây',
];
const PEERS: DemoUnitSpec[] = [
  { code: 'DEMO.HUE.KIM_TRA', name: 'Kim Trà', type: 'phuong', provinceCode: 'HUE' },
  { code: 'DEMO.HUE.HUONG_AN', name: 'Hương An', type: 'phuong', provinceCode: 'HUE' },
  { code: 'DEMO.HUE.BINH_DIEN', name: 'Bình Điền', type: 'xa', provinceCode: 'HUE' },
  { code: 'DEMO.GLI.TAM_QUAN', name: 'Tam Quan', type: 'phuong', provinceCode: 'GLI' },
  { code: 'DEMO.GLI.BONG_SON', name: 'Bồng Sơn', type: 'phuong', provinceCode: 'GLI' },
  { code: 'DEMO.GLI.HOAI_AN', name: 'Hoài Ân', type: 'xa', provinceCode: 'GLI' },
  { code: 'DEMO.HYN.LUONG_BANG', name: 'Lương Bằng', type: 'xa', provinceCode: 'HYN' },
  { code: 'DEMO.HYN.NGHIA_DAN', name: 'Nghĩa Dân', type: 'xa', provinceCode: 'HYN' },
  { code: 'DEMO.HYN.DUC_HOP', name: 'Đức Hợp', type: 'xa', provinceCode: 'HYN' },
];

export interface DemoClassification {
  unitClass: TUnitClass;
  basis: string;
  decisionNo: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface DemoResult {
  indicatorCode: string;
  period: string;
  value: number;
  status: TResultStatus;
}

export interface DemoTarget {
  indicatorCode: string;
  label: string;
  comparator: TComparator;
  value: number;
  unit: 'percent' | 'score' | 'rank';
  dueYear: number;
  cohort: TCohortRule | null;
}

export interface DemoUnit extends DemoUnitSpec {
  /** An existing unit (a seed unit such as Ô Diên) that gets demo results but keeps its own plan. */
  existing: boolean;
  classifications: DemoClassification[];
  results: DemoResult[];
  targets: DemoTarget[];
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * The demo cohort. `oDienCode` is the seed unit Ô Diên, which joins its Hà Nội peers as a xã loại I
 * (its plan's rank target implies it) with generated results.
 */
export function generateDemoCohort(oDienCode: string, seed = DEMO_SEED): DemoUnit[] {
  const random = seededRandom(seed);
  const specs: (DemoUnitSpec & { existing: boolean })[] = [
    { code: oDienCode, name: 'Ô Diên', type: 'xa', provinceCode: 'HNI', existing: true },
    ...HANOI_XA.map((name) => ({
      code: `DEMO.HNI.${slug(name)}`,
      name,
      type: 'xa' as const,
      provinceCode: 'HNI',
      existing: false,
    })),
    ...HANOI_PHUONG.map((name) => ({
      code: `DEMO.HNI.P_${slug(name)}`,
      name,
      type: 'phuong' as const,
      provinceCode: 'HNI',
      existing: false,
    })),
    ...PEERS.map((peer) => ({ ...peer, existing: false })),
  ];
  return specs.map((spec) => {
    const classNow: TUnitClass = spec.existing
      ? 'I'
      : spec.type === 'phuong'
        ? pick(random, ['special', 'I', 'I', 'II'] as const)
        : pick(random, ['I', 'I', 'II', 'II', 'III'] as const);
    // Before the 2025 reorganisation some units stood one class lower or higher: cohort membership by year matters.
    const shift = random();
    const classBefore: TUnitClass =
      shift < 0.2 ? lowerClass(classNow) : shift > 0.9 ? higherClass(classNow) : classNow;
    const classifications: DemoClassification[] = [
      {
        unitClass: classBefore,
        basis: 'Phân loại trước sắp xếp 2025 (dữ liệu minh họa)',
        decisionNo: null,
        validFrom: '2020-01-01',
        validTo: '2025-06-30',
      },
      {
        unitClass: classNow,
        basis: spec.existing
          ? 'Suy ra từ chỉ tiêu "top 10 xã đứng đầu nhóm xã loại I" trong kế hoạch (cần quyết định phân loại)'
          : 'NĐ 307/2025/NĐ-CP (dữ liệu minh họa)',
        decisionNo: null,
        validFrom: '2025-07-01',
        validTo: null,
      },
    ];
    const strength = Math.min(
      1,
      Math.max(0, 0.35 + classStrength(classNow) * 0.4 + (random() - 0.5) * 0.5),
    );
    const results: DemoResult[] = [];
    for (const indicator of DEMO_INDICATORS) {
      const precision = findIndicator(indicator.code)?.precision ?? 2;
      const own = random();
      for (const [yearIndex, year] of DEMO_YEARS.entries()) {
        // Ô Diên was formed by the July 2025 reorganisation: no results before 2025.
        if (spec.existing && year < 2025) continue;
        const status = resultStatus(year, random);
        if (status === null) continue;
        const base =
          indicator.low + (indicator.high - indicator.low) * (0.65 * strength + 0.35 * own);
        const noise = (random() - 0.5) * (indicator.high - indicator.low) * 0.06;
        const cap = indicator.code === 'CQS.DTI' ? 1 : 100;
        const value = roundTo(
          Math.min(cap, base + indicator.yearlyGain * yearIndex + noise),
          precision,
        );
        results.push({ indicatorCode: indicator.code, period: String(year), value, status });
      }
    }
    const targets = spec.existing ? [] : demoTargets(spec, classNow, random);
    return {
      code: spec.code,
      name: spec.name,
      type: spec.type,
      provinceCode: spec.provinceCode,
      existing: spec.existing,
      classifications,
      results,
      targets,
    };
  });
}

function resultStatus(year: number, random: () => number): TResultStatus | null {
  if (year < 2026) return 'verified';
  const draw = random();
  if (draw < 0.7) return 'verified';
  if (draw < 0.9) return 'submitted';
  return null; // not reported yet: listed apart in rankings
}

function demoTargets(
  spec: DemoUnitSpec,
  unitClass: TUnitClass,
  random: () => number,
): DemoTarget[] {
  const percent = (
    indicatorCode: string,
    label: string,
    comparator: TComparator,
    levels: number[],
  ): DemoTarget => ({
    indicatorCode,
    label,
    comparator,
    value: pick(random, levels),
    unit: 'percent',
    dueYear: 2026,
    cohort: null,
  });
  const topN = pick(random, [5, 10, 15]);
  return [
    percent('TTHC.ONTIME', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'gte', [95, 98, 100]),
    percent('TTHC.ONLINE_DOSSIER', 'Tỷ lệ hồ sơ trực tuyến', 'gte', [50, 60, 70, 80]),
    percent(
      'TTHC.FULL_ONLINE_SVC',
      'TTHC đủ điều kiện cung cấp DVC trực tuyến toàn trình',
      'eq',
      [80, 90, 100],
    ),
    percent('TTHC.DIGITIZE', 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC', 'gte', [70, 80, 90]),
    percent('TTHC.SAT', 'Mức độ hài lòng về giải quyết TTHC', 'gte', [90, 92, 95]),
    percent('CDDH.SIPAS', 'Chỉ số SIPAS', 'gte', [85, 89, 90, 95]),
    {
      indicatorCode: 'CQS.DTI',
      label: `Chỉ số DTI nằm trong top ${topN} ${UNIT_TYPE_NAMES_VI[spec.type]} đứng đầu nhóm ${UNIT_TYPE_NAMES_VI[spec.type]} loại ${UNIT_CLASS_NAMES_VI[unitClass]}`,
      comparator: 'top_n',
      value: topN,
      unit: 'rank',
      dueYear: 2026,
      cohort: { province: spec.provinceCode, unitTypes: [spec.type], classes: [unitClass] },
    },
  ];
}

const CLASS_ORDER: TUnitClass[] = ['special', 'I', 'II', 'III'];
const lowerClass = (unitClass: TUnitClass): TUnitClass =>
  CLASS_ORDER[Math.min(CLASS_ORDER.length - 1, CLASS_ORDER.indexOf(unitClass) + 1)]!;
const higherClass = (unitClass: TUnitClass): TUnitClass =>
  unitClass === 'I' || unitClass === 'special'
    ? unitClass
    : CLASS_ORDER[CLASS_ORDER.indexOf(unitClass) - 1]!;
const classStrength = (unitClass: TUnitClass): number =>
  ({ special: 1, I: 0.8, II: 0.5, III: 0.2 })[unitClass];
