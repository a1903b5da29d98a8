/** Cascade check: a child plan's targets must not be weaker than its parent plan's ("không thấp hơn Kế hoạch này"). */
import { comparatorSense, DEFAULT_PRECISION } from './evaluate.js';
import { formatIndicatorValue, formatTargetVi, roundTo } from './format.js';
import type { TCascadeIssue, TIndicator, TIndicatorUnit, TTarget } from './schemas.js';

/**
 * How targets of one indicator are compared for strength: the family key (only targets of the same
 * family are compared) and whether a higher value is the stronger commitment.
 */
function strengthFamily(
  target: TTarget,
  indicator: TIndicator | undefined,
): { key: string; higherIsStronger: boolean } | null {
  if (target.value === null) return null;
  if (target.comparator === 'top_n') return { key: 'top_n', higherIsStronger: false };
  if (target.comparator === 'change_by')
    return target.value < 0
      ? { key: 'decrease', higherIsStronger: false }
      : { key: 'increase', higherIsStronger: true };
  const sense = comparatorSense(target.comparator, indicator?.direction ?? 'higher_better');
  if (sense === null) return null;
  return { key: sense, higherIsStronger: sense === 'at_least' };
}

/**
 * For each parent target with an indicator code and a value: the child targets with the same indicator
 * and due year. None → `missing` (also when the child left the value blank). Otherwise the child's
 * strongest target of the same family is compared, on values rounded to the indicator's precision:
 * at-least targets (gte, gt, level_gte, count_gte, eq on higher-is-better) are weaker when lower,
 * at-most targets (lte, lt, eq on lower-is-better) when higher, top_n when N is larger, change_by when
 * the change is smaller in the parent's direction. Targets of different families are not compared.
 * Issues come in the parent's target order.
 */
export function checkCascade(
  child: readonly TTarget[],
  parent: readonly TTarget[],
  indicators: (code: string) => TIndicator | undefined,
): TCascadeIssue[] {
  const issues: TCascadeIssue[] = [];
  for (const parentTarget of parent) {
    const code = parentTarget.indicatorCode;
    if (code === null || parentTarget.value === null) continue;
    const indicator = indicators(code);
    const precision =
      parentTarget.comparator === 'top_n' ? 0 : (indicator?.precision ?? DEFAULT_PRECISION);
    const display: { unit: TIndicatorUnit; precision: number } = {
      unit: indicator?.unit ?? parentTarget.unit,
      precision,
    };
    const name = indicator?.nameVi ?? parentTarget.label;
    const parentValue = roundTo(parentTarget.value, precision);
    const parentText = formatTargetVi(
      { comparator: parentTarget.comparator, value: parentValue },
      display,
    );
    const base = { indicatorCode: code, dueYear: parentTarget.dueYear, parentValue };

    const matching = child.filter(
      (target) => target.indicatorCode === code && target.dueYear === parentTarget.dueYear,
    );
    const withValue = matching.filter((target) => target.value !== null);
    if (withValue.length === 0) {
      issues.push({
        ...base,
        kind: 'missing',
        childValue: null,
        message:
          matching.length === 0
            ? `Thiếu chỉ tiêu "${name}" năm ${parentTarget.dueYear} mà kế hoạch cấp trên đặt ra (${parentText}).`
            : `Chỉ tiêu "${name}" năm ${parentTarget.dueYear} để trống giá trị; kế hoạch cấp trên đặt ${parentText}.`,
      });
      continue;
    }

    const family = strengthFamily(parentTarget, indicator);
    if (family === null) continue;
    const comparable = withValue
      .filter((target) => strengthFamily(target, indicator)?.key === family.key)
      .map((target) => ({ target, value: roundTo(target.value ?? 0, precision) }));
    if (comparable.length === 0) continue;
    const strongest = comparable.reduce((best, item) =>
      (family.higherIsStronger ? item.value > best.value : item.value < best.value) ? item : best,
    );
    const weaker = family.higherIsStronger
      ? strongest.value < parentValue
      : strongest.value > parentValue;
    if (!weaker) continue;

    const childText = formatTargetVi(
      { comparator: strongest.target.comparator, value: strongest.value },
      display,
    );
    const where = `"${name}" năm ${parentTarget.dueYear}`;
    let message: string;
    switch (family.key) {
      case 'at_least':
        message = `Chỉ tiêu ${where} thấp hơn kế hoạch cấp trên: ${formatIndicatorValue(strongest.value, display)} < ${formatIndicatorValue(parentValue, display)}.`;
        break;
      case 'at_most':
        message = `Chỉ tiêu ${where} cao hơn mức tối đa của kế hoạch cấp trên: ${formatIndicatorValue(strongest.value, display)} > ${formatIndicatorValue(parentValue, display)}.`;
        break;
      case 'top_n':
        message = `Mục tiêu xếp hạng ${where} thấp hơn kế hoạch cấp trên: ${childText} so với ${parentText}.`;
        break;
      default:
        message = `Mức thay đổi ${where} yếu hơn kế hoạch cấp trên: ${childText} so với ${parentText}.`;
    }
    issues.push({ ...base, kind: 'weaker', childValue: strongest.value, message });
  }
  return issues;
}
