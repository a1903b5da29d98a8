/**
 * The national-scale demo data set (issue 7): 3,321 commune-level units in the 34 current provinces
 * (2,621 xã, 687 phường, 13 đặc khu), classes with a history, one plan each with 20–40 targets, and
 * results for the catalog's indicators for every year 2021–2030 and every quarter 2024–2030.
 *
 * Pure and deterministic: the same seed and province list give the same units, ids, plans and values
 * on every machine. Every unit is seeded on its own (seed and index), so results can be streamed unit
 * by unit without holding 6 million rows in memory. Everything is demo data (is_demo).
 */
import {
  foldVi,
  INDICATOR_CATALOG,
  roundTo,
  type TIndicator,
  type TUnitClass,
} from '@commune-bench/domain';

export const NATIONAL_SEED = 20250701;
export const NATIONAL_COUNTS = { xa: 2621, phuong: 687, dac_khu: 13 } as const;
export const YEARS = [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030] as const;
export const QUARTER_YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030] as const;
/** The unit code prefix of this data set: `NAT.<province>.<X|P|D><nnnn>`. */
export const NATIONAL_CODE_PREFIX = 'NAT.';

export type NationalUnitType = keyof typeof NATIONAL_COUNTS;

export interface NationalCounts {
  xa: number;
  phuong: number;
  dac_khu: number;
}

export interface NationalClassification {
  id: string;
  unitClass: TUnitClass;
  basis: string;
  validFrom: string;
  validTo: string | null;
}

export interface NationalTarget {
  id: string;
  indicatorCode: string;
  area: string;
  label: string;
  comparator: 'gte' | 'lte' | 'top_n';
  value: number;
  unit: string;
  dueYear: number;
  phaseCode: string;
  cohort: { province: string; unitTypes: string[]; classes: TUnitClass[] } | null;
  position: number;
}

export interface NationalUnit {
  index: number;
  id: string;
  code: string;
  name: string;
  nameFolded: string;
  type: NationalUnitType;
  provinceCode: string;
  /** The class in force from 1/7/2025 until a later decision (if any). */
  classNow: TUnitClass;
  classifications: NationalClassification[];
  plan: {
    id: string;
    title: string;
    phases: { id: string; code: string; from: number; to: number }[];
  };
  targets: NationalTarget[];
  /** 0–1: how well the unit does overall; drives its results. */
  strength: number;
}

export interface NationalResult {
  indicatorCode: string;
  period: string;
  value: number;
  status: 'verified' | 'submitted' | 'draft';
}

/** mulberry32, as apps/api's demo cohort uses: small, fast, the same sequence on every machine. */
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

/** A well-mixed 32-bit seed for a sub-stream (unit index, purpose). */
export function subSeed(seed: number, ...parts: number[]): number {
  let h = seed >>> 0;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x9e3779b1) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
  }
  return h >>> 0;
}

/** A version-4-shaped UUID drawn from the generator, so ids are deterministic too. */
export function seededUuid(random: () => number): string {
  const hex = () =>
    Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  const raw = hex() + hex() + hex() + hex();
  const variant = ((parseInt(raw[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${raw.slice(0, 8)}-${raw.slice(8, 12)}-4${raw.slice(13, 16)}-${variant}${raw.slice(17, 20)}-${raw.slice(20, 32)}`;
}

/** Indicators reported yearly: the whole catalog. Quarterly: all but the published indices. */
export const YEARLY_INDICATORS: readonly TIndicator[] = INDICATOR_CATALOG;
export const QUARTERLY_INDICATORS: readonly TIndicator[] = INDICATOR_CATALOG.filter(
  (indicator) => !indicator.isIndex,
);

export function periodsPerUnit(): number {
  return (
    YEARLY_INDICATORS.length * YEARS.length + QUARTERLY_INDICATORS.length * QUARTER_YEARS.length * 4
  );
}

/** Largest-remainder split of `total` by `weights`. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    counts[index]! += 1;
    left -= 1;
  }
  return counts;
}

function pickWeighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((a, [, w]) => a + w, 0);
  let draw = random() * total;
  for (const [item, weight] of items) {
    draw -= weight;
    if (draw < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** Class shares: under NĐ 307/2025 most xã are I or II; phường are mostly I, a few special. */
const CLASS_WEIGHTS: Record<NationalUnitType, readonly (readonly [TUnitClass, number])[]> = {
  xa: [
    ['I', 0.32],
    ['II', 0.46],
    ['III', 0.22],
  ],
  phuong: [
    ['special', 0.06],
    ['I', 0.58],
    ['II', 0.3],
    ['III', 0.06],
  ],
  dac_khu: [
    ['special', 0.1],
    ['I', 0.3],
    ['II', 0.35],
    ['III', 0.25],
  ],
};
const CLASS_ORDER: TUnitClass[] = ['special', 'I', 'II', 'III'];
const CLASS_STRENGTH: Record<TUnitClass, number> = { special: 1, I: 0.8, II: 0.5, III: 0.25 };
const TYPE_NAME: Record<NationalUnitType, string> = {
  xa: 'Xã',
  phuong: 'Phường',
  dac_khu: 'Đặc khu',
};
const TYPE_LETTER: Record<NationalUnitType, string> = { xa: 'X', phuong: 'P', dac_khu: 'D' };
const NAME_PARTS = [
  'An',
  'Bình',
  'Hòa',
  'Phú',
  'Tân',
  'Thạnh',
  'Hưng',
  'Long',
  'Phước',
  'Thịnh',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Quang',
  'Minh',
  'Đức',
  'Xuân',
  'Sơn',
  'Thủy',
  'Lộc',
  'Vĩnh',
  'Trung',
  'Mỹ',
];

/**
 * The units of the data set, in a fixed order: provinces by code, then xã, phường, đặc khu.
 * `provinceCodes` are the 34 current provinces (read from the `provinces` table).
 */
export function generateUnits(
  provinceCodes: readonly string[],
  seed = NATIONAL_SEED,
  counts: NationalCounts = NATIONAL_COUNTS,
): NationalUnit[] {
  const provinces = [...provinceCodes].sort();
  if (provinces.length === 0) throw new Error('no provinces');
  const random = seededRandom(subSeed(seed, 0xa11));
  // Provinces differ in size; cities have more phường.
  const sizes = provinces.map(() => 0.4 + random() * 1.2);
  const urban = provinces.map(() => 0.3 + random() * 1.7);
  const xa = apportion(counts.xa, sizes);
  const phuong = apportion(
    counts.phuong,
    sizes.map((s, i) => s * urban[i]!),
  );
  // Đặc khu are islands: a few coastal provinces hold them (at most 3 each).
  const dacKhu = provinces.map(() => 0);
  for (let i = 0; i < counts.dac_khu; i += 1) {
    let index = Math.floor(random() * provinces.length);
    while (dacKhu[index]! >= 3) index = (index + 1) % provinces.length;
    dacKhu[index]! += 1;
  }
  const units: NationalUnit[] = [];
  provinces.forEach((provinceCode, p) => {
    const perType: [NationalUnitType, number][] = [
      ['xa', xa[p]!],
      ['phuong', phuong[p]!],
      ['dac_khu', dacKhu[p]!],
    ];
    for (const [type, count] of perType) {
      for (let n = 1; n <= count; n += 1) {
        units.push(makeUnit(seed, units.length, provinceCode, type, n));
      }
    }
  });
  return units;
}

function makeUnit(
  seed: number,
  index: number,
  provinceCode: string,
  type: NationalUnitType,
  n: number,
): NationalUnit {
  const random = seededRandom(subSeed(seed, 0x0417, index));
  const id = seededUuid(random);
  const number = String(n).padStart(4, '0');
  const label = `${pick(random, NAME_PARTS)} ${pick(random, NAME_PARTS)} ${number}`;
  const name = `${TYPE_NAME[type]} ${label}`;
  const classNow = pickWeighted(random, CLASS_WEIGHTS[type]);
  const shift = random();
  const classBefore =
    shift < 0.2
      ? neighbourClass(classNow, 1)
      : shift > 0.9
        ? neighbourClass(classNow, -1)
        : classNow;
  const classifications: NationalClassification[] = [
    {
      id: seededUuid(random),
      unitClass: classBefore,
      basis: 'Phân loại trước sắp xếp 2025 (dữ liệu minh họa)',
      validFrom: '2020-01-01',
      validTo: '2025-06-30',
    },
  ];
  // About one unit in six is reclassified from 2028 (the next review).
  const reclassified = random() < 1 / 6;
  const classLater = neighbourClass(classNow, random() < 0.6 ? -1 : 1);
  classifications.push({
    id: seededUuid(random),
    unitClass: classNow,
    basis: 'NĐ 307/2025/NĐ-CP (dữ liệu minh họa)',
    validFrom: '2025-07-01',
    validTo: reclassified ? '2027-12-31' : null,
  });
  if (reclassified)
    classifications.push({
      id: seededUuid(random),
      unitClass: classLater,
      basis: 'Phân loại lại 2028 (dữ liệu minh họa)',
      validFrom: '2028-01-01',
      validTo: null,
    });
  const strength = Math.min(
    1,
    Math.max(0, 0.3 + CLASS_STRENGTH[classNow] * 0.45 + (random() - 0.5) * 0.5),
  );
  const planId = seededUuid(random);
  const phases = [
    { id: seededUuid(random), code: '2026-2027', from: 2026, to: 2027 },
    { id: seededUuid(random), code: '2028-2030', from: 2028, to: 2030 },
  ];
  const unit: NationalUnit = {
    index,
    id,
    code: `${NATIONAL_CODE_PREFIX}${provinceCode}.${TYPE_LETTER[type]}${number}`,
    name,
    nameFolded: foldVi(name),
    type,
    provinceCode,
    classNow,
    classifications,
    plan: {
      id: planId,
      title: `Kế hoạch cải cách hành chính giai đoạn 2026–2030 của ${name} (dữ liệu minh họa)`,
      phases,
    },
    targets: [],
    strength,
  };
  unit.targets = makeTargets(unit, random);
  return unit;
}

function neighbourClass(unitClass: TUnitClass, step: 1 | -1): TUnitClass {
  const index = Math.min(
    CLASS_ORDER.length - 1,
    Math.max(0, CLASS_ORDER.indexOf(unitClass) + step),
  );
  return CLASS_ORDER[index]!;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Scale of an indicator's values: [low, high, yearly gain, cap]. */
export function indicatorScale(indicator: TIndicator): [number, number, number, number] {
  if (indicator.code === 'CQS.DTI') return [0.3, 0.8, 0.03, 1];
  switch (indicator.unit) {
    case 'percent':
      return indicator.direction === 'lower_better' ? [2, 15, -0.6, 100] : [35, 92, 3, 100];
    case 'score':
      return [40, 90, 1.2, 100];
    case 'count':
      return [0, 30, 2, 1000];
    case 'level':
      return [1, 4, 0.25, 5];
    case 'bool':
      return [0, 1, 0.1, 1];
    case 'rank':
      return [1, 50, -1, 1000];
  }
}

/** The value a unit is expected to reach for an indicator in a (fractional) year, without noise. */
function expected(indicator: TIndicator, strength: number, own: number, year: number): number {
  const [low, high, gain, cap] = indicatorScale(indicator);
  const lowerBetter = indicator.direction === 'lower_better';
  const quality = 0.65 * strength + 0.35 * own;
  const base = lowerBetter ? high - (high - low) * quality : low + (high - low) * quality;
  return Math.min(cap, Math.max(0, base + gain * (year - 2021)));
}

function makeTargets(unit: NationalUnit, random: () => number): NationalTarget[] {
  const count = 20 + Math.floor(random() * 21);
  const pool = [...INDICATOR_CATALOG];
  // A partial Fisher–Yates shuffle: the first `count` indicators, all different.
  for (let i = 0; i < Math.min(count, pool.length - 1); i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const dueYears = [2026, 2026, 2027, 2028, 2030];
  const targets: NationalTarget[] = pool.slice(0, count).map((indicator, position) => {
    const dueYear = pick(random, dueYears);
    const lowerBetter = indicator.direction === 'lower_better';
    const [, , , cap] = indicatorScale(indicator);
    // Ambition: most targets sit near what the unit will reach, some well above it.
    const reach = expected(indicator, unit.strength, random(), dueYear);
    const ambition = (random() - 0.35) * 0.25;
    const raw = lowerBetter ? reach * (1 - ambition) : reach * (1 + ambition);
    const step = indicator.unit === 'percent' ? 5 : indicator.code === 'CQS.DTI' ? 0.05 : 1;
    const value = roundTo(
      Math.min(cap, Math.max(step, Math.round(raw / step) * step)),
      indicator.precision,
    );
    return {
      id: seededUuid(random),
      indicatorCode: indicator.code,
      area: indicator.area,
      label: `${indicator.nameVi} ${lowerBetter ? 'không quá' : 'đạt ít nhất'} ${value}${indicator.unit === 'percent' ? '%' : ''}`,
      comparator: lowerBetter ? 'lte' : 'gte',
      value,
      unit: indicator.unit,
      dueYear,
      phaseCode: dueYear <= 2027 ? '2026-2027' : '2028-2030',
      cohort: null,
      position,
    };
  });
  // About a third of the plans aim at a rank: "DTI trong top N xã loại I của tỉnh" in 2026.
  if (random() < 0.33) {
    const topN = pick(random, [5, 10, 15]);
    const dti = targets.findIndex((target) => target.indicatorCode === 'CQS.DTI');
    const rankTarget: NationalTarget = {
      id: seededUuid(random),
      indicatorCode: 'CQS.DTI',
      area: 'CQS',
      label: `Chỉ số DTI nằm trong top ${topN} ${TYPE_NAME[unit.type].toLowerCase()} loại ${unit.classNow} của tỉnh`,
      comparator: 'top_n',
      value: topN,
      unit: 'rank',
      dueYear: 2026,
      phaseCode: '2026-2027',
      cohort: { province: unit.provinceCode, unitTypes: [unit.type], classes: [unit.classNow] },
      position: dti >= 0 ? dti : targets.length,
    };
    if (dti >= 0) targets[dti] = rankTarget;
    else targets.push(rankTarget);
  }
  return targets;
}

function statusFor(year: number, draw: number): NationalResult['status'] {
  if (year <= 2025) return 'verified';
  if (year === 2026) return draw < 0.88 ? 'verified' : draw < 0.96 ? 'submitted' : 'draft';
  return draw < 0.6 ? 'verified' : draw < 0.85 ? 'submitted' : 'draft';
}

/** Every result of one unit: each catalog indicator for 2021–2030, the non-index ones per quarter 2024–2030. */
export function unitResults(unit: NationalUnit, seed = NATIONAL_SEED): NationalResult[] {
  const random = seededRandom(subSeed(seed, 0x5e5, unit.index));
  const results: NationalResult[] = [];
  for (const indicator of YEARLY_INDICATORS) {
    const own = random();
    const [low, high, , cap] = indicatorScale(indicator);
    const spread = (high - low) * 0.06;
    const emit = (period: string, year: number) => {
      const noise = (random() - 0.5) * spread;
      const value = roundTo(
        Math.min(cap, Math.max(0, expected(indicator, unit.strength, own, year) + noise)),
        indicator.precision,
      );
      results.push({
        indicatorCode: indicator.code,
        period,
        value,
        status: statusFor(Math.floor(year), random()),
      });
    };
    for (const year of YEARS) emit(String(year), year);
    if (!indicator.isIndex)
      for (const year of QUARTER_YEARS)
        for (let quarter = 1; quarter <= 4; quarter += 1)
          emit(`${year}-Q${quarter}`, year + (quarter - 1) / 4);
  }
  return results;
}
