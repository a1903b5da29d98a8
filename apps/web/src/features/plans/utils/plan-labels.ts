import {
  REFORM_AREA_NAMES_VI,
  formatDateVi,
  formatTargetVi,
  type TIndicator,
  type TPlanSummary,
  type TReformArea,
  type TTarget,
} from '@commune-bench/domain';
import { PLAN_KIND_LABELS } from '../../../lib/vi-labels';

export function areaName(area: TReformArea | null): string {
  return area === null ? 'Chưa xếp lĩnh vực' : REFORM_AREA_NAMES_VI[area];
}

/** `Giai đoạn 2026-2027`, or the whole plan when a target has no phase. */
export function phaseName(phase: string | null): string {
  return phase === null ? 'Cả kỳ kế hoạch' : `Giai đoạn ${phase}`;
}

/** `Kế hoạch số 12/KH-UBND ngày 3 tháng 2 năm 2025`, as far as it is known. */
export function describeDocument(
  plan: Pick<TPlanSummary, 'kind' | 'documentNo' | 'documentDate'>,
): string {
  const parts = [PLAN_KIND_LABELS[plan.kind]];
  parts.push(plan.documentNo ? `số ${plan.documentNo}` : '(chưa có số)');
  if (plan.documentDate) parts.push(formatDateVi(plan.documentDate));
  return parts.join(' ');
}

export function describeTarget(
  target: Pick<TTarget, 'comparator' | 'value' | 'unit'>,
  indicator: TIndicator | undefined,
): string {
  return formatTargetVi(target, indicator ?? { unit: target.unit, precision: 2 });
}
