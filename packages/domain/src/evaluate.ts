/**
 * Attainment of one target: how the latest result at or before a period stands against the target.
 * Pure; every value is rounded to the indicator's display precision before it is compared.
 */
import { describeCohortVi } from './cohort.js';
import {
  formatChangeVi,
  formatIndicatorValue,
  formatNumberVi,
  formatPeriodVi,
  formatTargetVi,
  roundTo,
} from './format.js';
import {
  comparePeriodEnds,
  latestAtOrBefore,
  parsePeriod,
  periodEndTime,
  periodEndYear,
  type ParsedPeriod,
} from './period.js';
import type {
  TAttainment,
  TAttainmentStatus,
  TComparator,
  TDirection,
  TIndicator,
  TIndicatorUnit,
  TTarget,
} from './schemas.js';

/** Display precision used when a target has no catalog indicator. */
export const DEFAULT_PRECISION = 2;

export interface TSeriesPoint {
  readonly period: string;
  readonly value: number;
}

export interface TRankPosition {
  readonly rank: number;
  readonly size: number;
}

export interface TEvaluationContext {
  /** The period the attainment is computed for. */
  readonly asOf: string;
  /**
   * Baseline value for `change_by`, `improve` and the progress line. Undefined: taken from the series
   * (the latest result within `target.baselineYear`); null: known to be missing.
   */
  readonly baselineValue?: number | null;
  /** The unit's rank in the target's cohort for a period, or null when it is not ranked. */
  readonly rankAt?: (period: string) => TRankPosition | null;
  /** Baseline rank for `better_rank`. Undefined: `rankAt(String(target.baselineYear))`; null: known to be missing. */
  readonly baselineRank?: number | null;
}

/** How a threshold comparator reads: the actual must be at least / at most the target. */
export type TComparatorSense = 'at_least' | 'at_most';

/** Comparators that hold the actual against a number: at least (or at most) the target value. */
export type TThresholdComparator = 'gte' | 'gt' | 'eq' | 'lte' | 'lt' | 'level_gte' | 'count_gte';

/**
 * The sense of a threshold comparator; `eq` follows the indicator's direction ("đạt 80%" means at least
 * 80% on a higher-is-better indicator, at most on a lower-is-better one). Null for the other comparators.
 */
export function comparatorSense(
  comparator: TComparator,
  direction: TDirection,
): TComparatorSense | null {
  switch (comparator) {
    case 'gte':
    case 'gt':
    case 'level_gte':
    case 'count_gte':
      return 'at_least';
    case 'lte':
    case 'lt':
      return 'at_most';
    case 'eq':
      return direction === 'higher_better' ? 'at_least' : 'at_most';
    case 'top_n':
    case 'better_rank':
    case 'improve':
    case 'change_by':
    case 'milestone':
      return null;
  }
}

interface Setting {
  readonly target: TTarget;
  readonly asOf: ParsedPeriod;
  readonly precision: number;
  readonly direction: TDirection;
  readonly display: { readonly unit: TIndicatorUnit; readonly precision: number };
  readonly beforeDue: boolean;
  readonly series: readonly TSeriesPoint[];
  readonly context: TEvaluationContext;
}

interface Baseline {
  readonly value: number;
  /** End of the baseline as a fractional year, null when unknown (then the first result's time is used). */
  readonly time: number | null;
  readonly label: string;
}

function attainment(
  status: TAttainmentStatus,
  explanation: string,
  values: Partial<Omit<TAttainment, 'status' | 'explanation'>> = {},
): TAttainment {
  return {
    status,
    ratio: values.ratio ?? null,
    gap: values.gap ?? null,
    actual: values.actual ?? null,
    actualPeriod: values.actualPeriod ?? null,
    explanation,
  };
}

function show(setting: Setting, value: number): string {
  return formatIndicatorValue(value, setting.display);
}

function noData(setting: Setting): TAttainment {
  return attainment('no_data', `Chưa có kết quả thực hiện đến ${formatPeriodVi(setting.asOf)}.`);
}

function notApplicable(): TAttainment {
  return attainment(
    'not_applicable',
    'Chỉ tiêu không có giá trị (ô trống trong kế hoạch) nên không đánh giá.',
  );
}

function dueText(setting: Setting): string {
  return `hạn năm ${setting.target.dueYear}`;
}

/**
 * Evaluates `target` at `context.asOf` against `series` (the unit's results for the target's indicator).
 *
 * - The actual is the series entry with the latest end at or before `asOf`; none → `no_data`.
 * - A blank target value → `not_applicable` (except `milestone`, `improve`, `better_rank`, which need none).
 * - From the due year on: `met` / `not_met`. Before it: `on_track` when already met or at least on the
 *   straight line from the baseline (or the first result) to the target at the end of the due year;
 *   else `off_track`. Rank, `improve` and `milestone` targets: `on_track` when satisfied now, else `off_track`.
 * - `ratio` = actual / target for at-least comparators, target / actual for at-most ones (null when the
 *   divisor is 0; null for rank, change, improve and milestone targets); `gap` = target − actual in the
 *   indicator's unit (percentage points for percent), null for those same kinds.
 * - `change_by` compares the relative change (actual − baseline) / baseline × 100 with the signed value.
 */
export function evaluateTarget(
  target: TTarget,
  indicator: TIndicator | undefined,
  series: readonly TSeriesPoint[],
  context: TEvaluationContext,
): TAttainment {
  const asOf = parsePeriod(context.asOf);
  const precision = indicator?.precision ?? DEFAULT_PRECISION;
  const setting: Setting = {
    target,
    asOf,
    precision,
    direction: indicator?.direction ?? 'higher_better',
    display: { unit: indicator?.unit ?? target.unit, precision },
    beforeDue: asOf.year < target.dueYear,
    series,
    context,
  };
  const comparator = target.comparator;
  switch (comparator) {
    case 'gte':
    case 'gt':
    case 'eq':
    case 'lte':
    case 'lt':
    case 'level_gte':
    case 'count_gte':
      return evaluateThreshold(setting, comparator);
    case 'change_by':
      return evaluateChange(setting);
    case 'improve':
      return evaluateImprove(setting);
    case 'milestone':
      return evaluateMilestone(setting);
    case 'top_n':
    case 'better_rank':
      return evaluateRank(setting, comparator);
  }
}

function latestActual(setting: Setting): { value: number; period: ParsedPeriod } | null {
  const entry = latestAtOrBefore(setting.series, setting.asOf);
  if (entry === undefined) return null;
  return { value: roundTo(entry.value, setting.precision), period: parsePeriod(entry.period) };
}

/** The earliest result at or before `asOf`. */
function firstActual(setting: Setting): { value: number; period: ParsedPeriod } | null {
  let first: { value: number; period: ParsedPeriod } | null = null;
  for (const entry of setting.series) {
    const period = parsePeriod(entry.period);
    if (comparePeriodEnds(period, setting.asOf) > 0) continue;
    if (first === null || comparePeriodEnds(period, first.period) < 0)
      first = { value: roundTo(entry.value, setting.precision), period };
  }
  return first;
}

function resolveBaseline(setting: Setting): Baseline | null {
  const { target, context, precision } = setting;
  if (context.baselineValue !== undefined) {
    if (context.baselineValue === null) return null;
    return {
      value: roundTo(context.baselineValue, precision),
      time: target.baselineYear === null ? null : target.baselineYear + 1,
      label: target.baselineYear === null ? 'giá trị gốc' : `năm gốc ${target.baselineYear}`,
    };
  }
  if (target.baselineYear === null) return null;
  const year = target.baselineYear;
  const entry = latestAtOrBefore(
    setting.series.filter((point) => periodEndYear(point.period) === year),
    String(year),
  );
  if (entry === undefined) return null;
  return {
    value: roundTo(entry.value, precision),
    time: periodEndTime(entry.period),
    label: `năm gốc ${year}`,
  };
}

/** Share of the way from `startTime` to the end of the due year that `now` has covered, 0–1. */
function progressFraction(setting: Setting, startTime: number, now: number): number {
  const dueTime = setting.target.dueYear + 1;
  if (dueTime <= startTime) return 1;
  return Math.min(1, Math.max(0, (now - startTime) / (dueTime - startTime)));
}

function isSatisfied(
  sense: TComparatorSense,
  strict: boolean,
  actual: number,
  target: number,
): boolean {
  if (sense === 'at_least') return strict ? actual > target : actual >= target;
  return strict ? actual < target : actual <= target;
}

function evaluateThreshold(setting: Setting, comparator: TThresholdComparator): TAttainment {
  const { target, precision } = setting;
  if (target.value === null) return notApplicable();
  const actual = latestActual(setting);
  if (actual === null) return noData(setting);
  const sense = comparatorSense(comparator, setting.direction) ?? 'at_least';
  const strict = comparator === 'gt' || comparator === 'lt';
  const targetValue = roundTo(target.value, precision);
  const satisfied = isSatisfied(sense, strict, actual.value, targetValue);
  const ratio =
    sense === 'at_least'
      ? targetValue === 0
        ? null
        : actual.value / targetValue
      : actual.value === 0
        ? null
        : targetValue / actual.value;
  const gap = roundTo(targetValue - actual.value, precision);
  const values = { ratio, gap, actual: actual.value, actualPeriod: actual.period.text };

  const eqNote =
    comparator === 'eq'
      ? sense === 'at_least'
        ? ' Chỉ tiêu "đạt" được hiểu là "tối thiểu" vì chỉ số càng cao càng tốt.'
        : ' Chỉ tiêu "đạt" được hiểu là "tối đa" vì chỉ số càng thấp càng tốt.'
      : '';
  const comparison = `kết quả ${show(setting, actual.value)} (${formatPeriodVi(actual.period)}) so với chỉ tiêu ${formatTargetVi({ comparator, value: targetValue }, setting.display)}`;

  if (satisfied) {
    if (setting.beforeDue)
      return attainment(
        'on_track',
        `Đã đạt trước hạn (${dueText(setting)}): ${comparison}.${eqNote}`,
        values,
      );
    return attainment('met', `Đạt: ${comparison}.${eqNote}`, values);
  }
  const shortfall = describeShortfall(setting, sense, gap);
  if (!setting.beforeDue)
    return attainment('not_met', `Chưa đạt: ${comparison}; ${shortfall}.${eqNote}`, values);

  // Before the due year: compare with the straight line from the baseline (or first result) to the target.
  const baseline = resolveBaseline(setting);
  const first = firstActual(setting) ?? actual;
  const start = baseline ?? {
    value: first.value,
    time: periodEndTime(first.period),
    label: `kết quả đầu tiên, ${formatPeriodVi(first.period)}`,
  };
  const startTime = start.time ?? periodEndTime(first.period);
  const fraction = progressFraction(setting, startTime, periodEndTime(actual.period));
  const expected = roundTo(start.value + (targetValue - start.value) * fraction, precision);
  const onTrack = isSatisfied(sense, false, actual.value, expected);
  const line = `mức cần đạt theo lộ trình là ${show(setting, expected)}, trên đường thẳng từ ${show(setting, start.value)} (${start.label}) đến ${show(setting, targetValue)} vào cuối năm ${target.dueYear}`;
  const status = onTrack ? 'on_track' : 'off_track';
  const lead = onTrack ? 'Đúng tiến độ' : 'Chậm tiến độ';
  return attainment(
    status,
    `${lead}: ${comparison}, ${dueText(setting)}; ${line}.${eqNote}`,
    values,
  );
}

function describeShortfall(setting: Setting, sense: TComparatorSense, gap: number): string {
  const amount = Math.abs(gap);
  if (amount === 0) return 'kết quả bằng đúng mức chỉ tiêu nhưng chỉ tiêu đòi hỏi vượt qua mức này';
  const number = formatNumberVi(amount, setting.precision);
  const unit = setting.display.unit;
  const text =
    unit === 'percent'
      ? `${number} điểm phần trăm`
      : unit === 'level'
        ? `${number} cấp độ`
        : unit === 'rank'
          ? `${number} hạng`
          : show(setting, amount);
  return sense === 'at_least' ? `còn thiếu ${text}` : `vượt ${text} so với mức chỉ tiêu`;
}

function evaluateChange(setting: Setting): TAttainment {
  const { target } = setting;
  if (target.value === null) return notApplicable();
  const actual = latestActual(setting);
  if (actual === null) return noData(setting);
  const baseline = resolveBaseline(setting);
  if (baseline === null) {
    return attainment(
      'no_data',
      `Chưa có số liệu ${target.baselineYear === null ? 'năm gốc' : `năm gốc ${target.baselineYear}`} để tính mức thay đổi.`,
      {
        actual: actual.value,
        actualPeriod: actual.period.text,
      },
    );
  }
  const values = { actual: actual.value, actualPeriod: actual.period.text };
  if (baseline.value === 0) {
    return attainment(
      'not_applicable',
      `Giá trị ${baseline.label} bằng 0 nên không tính được tỷ lệ thay đổi tương đối.`,
      values,
    );
  }
  // Relative change, with at least one decimal so a count indicator does not round −9.6% to −10%.
  const changePrecision = Math.max(setting.precision, 1);
  const change = roundTo(
    ((actual.value - baseline.value) / Math.abs(baseline.value)) * 100,
    changePrecision,
  );
  const targetChange = roundTo(target.value, changePrecision);
  const reduce = targetChange < 0;
  const satisfied = reduce ? change <= targetChange : change >= targetChange;
  const text =
    `thay đổi so với ${baseline.label}: ${formatChangeVi(change, changePrecision)} ` +
    `(từ ${show(setting, baseline.value)} đến ${show(setting, actual.value)}, ${formatPeriodVi(actual.period)}), ` +
    `chỉ tiêu ${formatChangeVi(targetChange, changePrecision)}. ` +
    'Mức thay đổi tính theo phần trăm tương đối so với giá trị năm gốc, không phải điểm phần trăm.';
  if (satisfied) {
    return setting.beforeDue
      ? attainment('on_track', `Đã đạt trước hạn (${dueText(setting)}): ${text}`, values)
      : attainment('met', `Đạt: ${text}`, values);
  }
  if (!setting.beforeDue) return attainment('not_met', `Chưa đạt: ${text}`, values);
  const first = firstActual(setting) ?? actual;
  const fraction = progressFraction(
    setting,
    baseline.time ?? periodEndTime(first.period),
    periodEndTime(actual.period),
  );
  const expected = roundTo(targetChange * fraction, changePrecision);
  const onTrack = reduce ? change <= expected : change >= expected;
  const line = ` Mức thay đổi cần đạt theo lộ trình: ${formatChangeVi(expected, changePrecision)} (${dueText(setting)}).`;
  return attainment(
    onTrack ? 'on_track' : 'off_track',
    `${onTrack ? 'Đúng tiến độ' : 'Chậm tiến độ'}: ${text}${line}`,
    values,
  );
}

function evaluateImprove(setting: Setting): TAttainment {
  const actual = latestActual(setting);
  if (actual === null) return noData(setting);
  const values = { actual: actual.value, actualPeriod: actual.period.text };
  const baseline = resolveBaseline(setting);
  if (baseline === null) {
    const year = setting.target.baselineYear;
    return attainment(
      'no_data',
      `Chưa có số liệu ${year === null ? 'năm gốc' : `năm gốc ${year}`} để so sánh mức cải thiện.`,
      values,
    );
  }
  const better =
    setting.direction === 'higher_better'
      ? actual.value > baseline.value
      : actual.value < baseline.value;
  const text = `${show(setting, actual.value)} (${formatPeriodVi(actual.period)}) so với ${show(setting, baseline.value)} (${baseline.label})`;
  const status = setting.beforeDue
    ? better
      ? 'on_track'
      : 'off_track'
    : better
      ? 'met'
      : 'not_met';
  const lead = better ? 'Đã cải thiện' : 'Chưa cải thiện';
  return attainment(
    status,
    `${lead}: ${text}${setting.beforeDue ? `, ${dueText(setting)}` : ''}.`,
    values,
  );
}

function evaluateMilestone(setting: Setting): TAttainment {
  const actual = latestActual(setting);
  if (actual === null) return noData(setting);
  const values = { actual: actual.value, actualPeriod: actual.period.text };
  // Done = true (≥ 1); on a percent indicator (e.g. "hoàn thành sắp xếp" reported as %) done = 100%.
  const threshold = setting.display.unit === 'percent' ? 100 : 1;
  const done = actual.value >= threshold;
  const when = formatPeriodVi(actual.period);
  if (done) {
    return setting.beforeDue
      ? attainment(
          'on_track',
          `Đã hoàn thành trước hạn (${dueText(setting)}), theo kết quả ${when}.`,
          values,
        )
      : attainment('met', `Đã hoàn thành, theo kết quả ${when}.`, values);
  }
  return setting.beforeDue
    ? attainment('off_track', `Chưa hoàn thành (kết quả ${when}), ${dueText(setting)}.`, values)
    : attainment('not_met', `Chưa hoàn thành (kết quả ${when}), ${dueText(setting)}.`, values);
}

function evaluateRank(setting: Setting, comparator: 'top_n' | 'better_rank'): TAttainment {
  const { target, context } = setting;
  if (comparator === 'top_n' && target.value === null) return notApplicable();
  const cohortText = target.cohort === null ? '' : ` trong nhóm ${describeCohortVi(target.cohort)}`;
  const current = context.rankAt?.(setting.asOf.text) ?? null;
  if (current === null)
    return attainment(
      'no_data',
      `Chưa có xếp hạng${cohortText} cho ${formatPeriodVi(setting.asOf)}.`,
    );
  const values = { actual: current.rank, actualPeriod: setting.asOf.text };
  const position = `hạng ${current.rank}/${current.size}${cohortText} (${formatPeriodVi(setting.asOf)})`;

  let satisfied: boolean;
  let goal: string;
  if (comparator === 'top_n') {
    const limit = roundTo(target.value ?? 0, 0);
    satisfied = current.rank <= limit;
    goal = `chỉ tiêu nằm trong top ${limit}`;
  } else {
    const baselineRank =
      context.baselineRank !== undefined
        ? context.baselineRank
        : target.baselineYear === null
          ? null
          : (context.rankAt?.(String(target.baselineYear))?.rank ?? null);
    if (baselineRank === null) {
      const year = target.baselineYear === null ? 'năm gốc' : `năm gốc ${target.baselineYear}`;
      return attainment(
        'no_data',
        `Chưa có xếp hạng ${year} để so sánh; hiện ${position}.`,
        values,
      );
    }
    satisfied = current.rank < baselineRank;
    goal = `chỉ tiêu xếp hạng cao hơn hạng ${baselineRank}${target.baselineYear === null ? '' : ` năm ${target.baselineYear}`}`;
  }
  const lead = satisfied
    ? setting.beforeDue
      ? 'Đang đạt'
      : 'Đạt'
    : setting.beforeDue
      ? 'Hiện chưa đạt'
      : 'Chưa đạt';
  const status = setting.beforeDue
    ? satisfied
      ? 'on_track'
      : 'off_track'
    : satisfied
      ? 'met'
      : 'not_met';
  return attainment(
    status,
    `${lead}: ${position}, ${goal}${setting.beforeDue ? `, ${dueText(setting)}` : ''}.`,
    values,
  );
}
