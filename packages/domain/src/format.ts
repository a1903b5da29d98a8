/** Rounding and Vietnamese formatting of numbers, dates, periods and names. */
import { DomainError } from './errors.js';
import type { TThresholdComparator } from './evaluate.js';
import { parsePeriod, type PeriodInput } from './period.js';
import type { TIndicatorUnit, TTarget } from './schemas.js';

const MAX_PRECISION = 15;

function assertFinite(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError('invalid_argument', `Giá trị không hợp lệ (${what}): ${String(value)}.`, {
      value,
    });
  }
}

function assertPrecision(precision: number): void {
  if (!Number.isInteger(precision) || precision < 0 || precision > MAX_PRECISION) {
    throw new DomainError(
      'invalid_argument',
      `Số chữ số thập phân không hợp lệ: ${String(precision)} (cho phép 0–${MAX_PRECISION}).`,
      {
        precision,
      },
    );
  }
}

/**
 * Rounds half away from zero at `precision` decimals, on the decimal value a person reads:
 * the number is first taken at 15 significant digits (which removes binary noise such as
 * 1.005 being stored as 1.00499999…), then rounded digit by digit.
 * `roundTo(1.005, 2)` = 1.01, `roundTo(89.95, 1)` = 90, `roundTo(-2.5, 0)` = -3. Never returns -0.
 */
export function roundTo(value: number, precision: number): number {
  assertFinite(value, 'làm tròn');
  assertPrecision(precision);
  if (value === 0) return 0;
  const negative = value < 0;
  // d.dddddddddddddde±x: 15 significant digits.
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toExponential(14).split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  // Number of significant digits kept: those before the decimal point plus `precision` after it.
  const keep = exponent + 1 + precision;
  let result: number;
  if (keep >= digits.length) {
    result = Number(`${digits}e${exponent + 1 - digits.length}`);
  } else if (keep < 0) {
    result = 0;
  } else {
    let kept = keep === 0 ? 0 : Number(digits.slice(0, keep));
    if (Number(digits.charAt(keep)) >= 5) kept += 1;
    result = Number(`${kept}e-${precision}`);
  }
  if (result === 0) return 0;
  return negative ? -result : result;
}

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** `1234.5` at 1 → `1.234,5`; always exactly `precision` decimals (`90` at 1 → `90,0`); rounds with {@link roundTo}. */
export function formatNumberVi(value: number, precision: number): string {
  const rounded = roundTo(value, precision);
  const negative = rounded < 0;
  const magnitude = Math.abs(rounded);
  // toFixed switches to exponent notation from 1e21 on; such doubles are integers.
  const fixed =
    magnitude >= 1e21
      ? `${BigInt(magnitude).toString()}${precision > 0 ? `.${'0'.repeat(precision)}` : ''}`
      : magnitude.toFixed(precision);
  const [integerPart = '0', fractionPart] = fixed.split('.');
  const text =
    fractionPart === undefined
      ? groupThousands(integerPart)
      : `${groupThousands(integerPart)},${fractionPart}`;
  return negative ? `-${text}` : text;
}

/** `89.5` at 1 → `89,5%` (the value is already 0–100). */
export function formatPercentVi(value: number, precision: number): string {
  return `${formatNumberVi(value, precision)}%`;
}

/** Formats a value by the unit of its indicator (or target): `90,0%`, `0,7512`, `cấp độ 3`, `hạng 10`, `12`, `hoàn thành`. */
export function formatIndicatorValue(
  value: number,
  indicator: { readonly unit: TIndicatorUnit; readonly precision: number },
): string {
  switch (indicator.unit) {
    case 'percent':
      return formatPercentVi(value, indicator.precision);
    case 'score':
      return formatNumberVi(value, indicator.precision);
    case 'level':
      return `cấp độ ${formatNumberVi(value, indicator.precision)}`;
    case 'rank':
      return `hạng ${formatNumberVi(value, 0)}`;
    case 'count':
      return formatNumberVi(value, 0);
    case 'bool':
      assertFinite(value, 'đúng/sai');
      return value >= 1 ? 'hoàn thành' : 'chưa hoàn thành';
  }
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function toCalendarDate(date: Date | string): CalendarDate {
  if (typeof date === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (match) {
      const year = Number(match[1]);
      const month = Number(match[2]);
      const day = Number(match[3]);
      const check = new Date(Date.UTC(year, month - 1, day));
      if (
        check.getUTCFullYear() === year &&
        check.getUTCMonth() === month - 1 &&
        check.getUTCDate() === day
      ) {
        return { year, month, day };
      }
    }
    throw new DomainError(
      'invalid_argument',
      `Ngày không hợp lệ: "${date}" (dạng đúng: yyyy-mm-dd).`,
      { date },
    );
  }
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new DomainError('invalid_argument', 'Ngày không hợp lệ.', { date: String(date) });
  }
  // A Date is an instant: read it as the calendar date in Vietnam (UTC+7), whatever the server's time zone.
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/**
 * `2026-06-12` → `ngày 12 tháng 6 năm 2026`. A `yyyy-mm-dd` string is a calendar date taken as written;
 * a `Date` is an instant, shown as its date in Vietnam time (UTC+7).
 */
export function formatDateVi(date: Date | string): string {
  const { year, month, day } = toCalendarDate(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** `2026-06-12` → `12/06/2026`. */
export function formatDateShortVi(date: Date | string): string {
  const { year, month, day } = toCalendarDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** `2025` → `năm 2025`, `2025-H1` → `6 tháng đầu năm 2025`, `2025-Q3` → `quý III/2025`, `2025-09` → `tháng 9/2025`. */
export function formatPeriodVi(period: PeriodInput): string {
  const parsed = typeof period === 'string' ? parsePeriod(period) : period;
  switch (parsed.granularity) {
    case 'year':
      return `năm ${parsed.year}`;
    case 'half':
      return `6 tháng ${parsed.index === 1 ? 'đầu' : 'cuối'} năm ${parsed.year}`;
    case 'quarter':
      return `quý ${ROMAN_QUARTERS[parsed.index - 1] ?? parsed.index}/${parsed.year}`;
    case 'month':
      return `tháng ${parsed.index}/${parsed.year}`;
  }
}

const COLLATOR = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/**
 * Vietnamese collation (ICU `vi`: a < ă < â, d < đ, o < ô < ơ, tones after the base letter;
 * numbers compared as numbers: `Phường 2` < `Phường 10`). Strings that collate equal are ordered by
 * code point, so 0 means identical and a sort with it is deterministic.
 */
export function compareVi(a: string, b: string): number {
  const byCollation = COLLATOR.compare(a, b);
  if (byCollation !== 0) return byCollation;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Folds for search: removes tones and letter marks (`đ` → `d`), lower-case: `Ô Diên` → `o dien`. */
export function foldVi(text: string): string {
  return text.replace(/[đĐ]/g, 'd').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A signed relative change: `-10` → `giảm 10%`, `5.5` at 1 → `tăng 5,5%`, `0` → `không đổi`. */
export function formatChangeVi(change: number, precision: number): string {
  const rounded = roundTo(change, precision);
  if (rounded === 0) return 'không đổi';
  return `${rounded < 0 ? 'giảm' : 'tăng'} ${formatNumberVi(Math.abs(rounded), precision)}%`;
}

const COMPARATOR_WORDS_VI: Record<TThresholdComparator, string> = {
  gte: 'tối thiểu',
  gt: 'trên',
  eq: 'đạt',
  lte: 'tối đa',
  lt: 'dưới',
  level_gte: 'tối thiểu',
  count_gte: 'ít nhất',
};

/**
 * A target's commitment in words: `tối thiểu 90,0%`, `dưới 5,0%`, `top 10`, `giảm 10,0%`, `hoàn thành`.
 * `display` is the indicator (or the target's own unit with a precision) the value is shown in.
 */
export function formatTargetVi(
  target: Pick<TTarget, 'comparator' | 'value'>,
  display: { readonly unit: TIndicatorUnit; readonly precision: number },
): string {
  const { comparator, value } = target;
  switch (comparator) {
    case 'better_rank':
      return 'xếp hạng cao hơn năm gốc';
    case 'improve':
      return 'cải thiện so với năm gốc';
    case 'milestone':
      return 'hoàn thành';
    case 'top_n':
      return value === null ? 'nằm trong top (để trống)' : `top ${formatNumberVi(value, 0)}`;
    case 'change_by':
      return value === null
        ? 'thay đổi (để trống)'
        : formatChangeVi(value, Math.max(display.precision, 1));
    case 'gte':
    case 'gt':
    case 'eq':
    case 'lte':
    case 'lt':
    case 'level_gte':
    case 'count_gte':
      return `${COMPARATOR_WORDS_VI[comparator]} ${value === null ? '(để trống)' : formatIndicatorValue(value, display)}`;
  }
}
