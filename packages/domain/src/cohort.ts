/** Unit classes over time and cohort membership (a cohort is a rule evaluated for a year). */
import {
  UNIT_CLASSES,
  type TCohortRule,
  type TUnit,
  type TUnitClass,
  type TUnitClassification,
  type TUnitType,
} from './schemas.js';

function yearStart(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}

function yearEnd(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/** Later start first; then the one valid longer (open end first); then class order, so the pick never depends on input order. */
function compareForPick(a: TUnitClassification, b: TUnitClassification): number {
  if (a.validFrom !== b.validFrom) return a.validFrom > b.validFrom ? -1 : 1;
  const aTo = a.validTo ?? '9999-12-31';
  const bTo = b.validTo ?? '9999-12-31';
  if (aTo !== bTo) return aTo > bTo ? -1 : 1;
  return UNIT_CLASSES.indexOf(a.class) - UNIT_CLASSES.indexOf(b.class);
}

function pick(candidates: TUnitClassification[]): TUnitClassification | null {
  return [...candidates].sort(compareForPick)[0] ?? null;
}

/**
 * The classification that applies to year `year` (pass one unit's classifications):
 * the one in force on 31 December of that year (`validFrom` ≤ Y-12-31 and `validTo` empty or ≥ Y-12-31);
 * if none, the latest one that started within the year and was valid at some point of it; else null.
 * Dates are ISO `yyyy-mm-dd`, compared as text. Overlapping decisions: the later start wins.
 */
export function classificationForYear(
  classifications: readonly TUnitClassification[],
  year: number,
): TUnitClassification | null {
  const start = yearStart(year);
  const end = yearEnd(year);
  const inForce = classifications.filter(
    (c) => c.validFrom <= end && (c.validTo === null || c.validTo >= end),
  );
  if (inForce.length > 0) return pick(inForce);
  const startedWithin = classifications.filter(
    (c) =>
      c.validFrom >= start &&
      c.validFrom <= end &&
      (c.validTo === null || c.validTo >= c.validFrom),
  );
  return pick(startedWithin);
}

/** True when the unit existed at some point of the year (`validFrom`/`validTo` empty = open). */
export function isUnitActiveInYear(
  unit: Pick<TUnit, 'validFrom' | 'validTo'>,
  year: number,
): boolean {
  return (
    (unit.validFrom === null || unit.validFrom <= yearEnd(year)) &&
    (unit.validTo === null || unit.validTo >= yearStart(year))
  );
}

export type TCohortMembership =
  { member: true } | { member: false; reason: 'not_in_cohort_that_year' };

function restricts<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

/**
 * Whether `unit` belongs to the cohort `rule` in `year`. All conditions of the rule must hold (an empty
 * or absent list does not restrict): active that year, same province, one of the unit types, one of the
 * classes by the classification for that year (a unit without one is not in a class-restricted cohort),
 * and one of the explicit unit ids. `classifications` may hold other units' rows; only this unit's count.
 */
export function cohortMembership(
  unit: Pick<TUnit, 'id' | 'type' | 'provinceCode' | 'validFrom' | 'validTo'>,
  classifications: readonly TUnitClassification[],
  rule: TCohortRule,
  year: number,
): TCohortMembership {
  const no = { member: false, reason: 'not_in_cohort_that_year' } as const;
  if (!isUnitActiveInYear(unit, year)) return no;
  if (rule.province !== undefined && unit.provinceCode !== rule.province) return no;
  if (restricts(rule.unitTypes) && !rule.unitTypes.includes(unit.type)) return no;
  if (restricts(rule.explicitUnitIds) && !rule.explicitUnitIds.includes(unit.id)) return no;
  if (restricts(rule.classes)) {
    const own = classifications.filter((c) => c.unitId === unit.id);
    const classification = classificationForYear(own, year);
    if (classification === null || !rule.classes.includes(classification.class)) return no;
  }
  return { member: true };
}

export const UNIT_TYPE_NAMES_VI: Record<TUnitType, string> = {
  xa: 'xã',
  phuong: 'phường',
  dac_khu: 'đặc khu',
  thi_tran: 'thị trấn',
  huyen: 'huyện',
  thi_xa: 'thị xã',
  quan: 'quận',
  thanh_pho_thuoc_tinh: 'thành phố thuộc tỉnh',
  tinh: 'tỉnh',
  thanh_pho_tw: 'thành phố trực thuộc trung ương',
};

export const UNIT_CLASS_NAMES_VI: Record<TUnitClass, string> = {
  special: 'đặc biệt',
  I: 'I',
  II: 'II',
  III: 'III',
};

/** `xã Ô Diên`, `thị xã Hương Trà`: the type word before the name, as documents write it. */
export function formatUnitNameVi(unit: { type: TUnitType; name: string }): string {
  return `${UNIT_TYPE_NAMES_VI[unit.type]} ${unit.name}`;
}

/** `Loại I`, `Loại đặc biệt`. */
export function formatUnitClassVi(unitClass: TUnitClass): string {
  return `Loại ${UNIT_CLASS_NAMES_VI[unitClass]}`;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * Readable Vietnamese for a cohort rule: `{ province: 'HN', unitTypes: ['xa'], classes: ['I'] }` →
 * `xã loại I, tỉnh/thành HN`; `{}` → `tất cả đơn vị`. `provinceName` may turn the code into a name.
 */
export function describeCohortVi(
  rule: TCohortRule,
  options: { provinceName?: (code: string) => string | undefined } = {},
): string {
  const types = unique(rule.unitTypes ?? []).map((type) => UNIT_TYPE_NAMES_VI[type]);
  const classes = UNIT_CLASSES.filter((c) => rule.classes?.includes(c) ?? false).map(
    (c) => UNIT_CLASS_NAMES_VI[c],
  );
  let subject =
    types.length > 0 ? types.join(', ') : classes.length > 0 ? 'đơn vị' : 'tất cả đơn vị';
  if (classes.length > 0) subject += ` loại ${classes.join(', ')}`;
  const parts = [subject];
  if (rule.province !== undefined)
    parts.push(`tỉnh/thành ${options.provinceName?.(rule.province) ?? rule.province}`);
  const explicit = unique(rule.explicitUnitIds ?? []);
  if (explicit.length > 0) parts.push(`trong danh sách ${explicit.length} đơn vị chọn riêng`);
  return parts.join(', ');
}
