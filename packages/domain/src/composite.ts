/** The attainment score: how well a unit keeps its own commitments, 0–100. */
import { DomainError } from './errors.js';
import { roundTo } from './format.js';
import { REFORM_AREAS, type TAttainment, type TReformArea } from './schemas.js';

export interface TCompositeItem {
  readonly area: TReformArea;
  readonly attainment: Pick<TAttainment, 'status' | 'ratio'>;
}

export interface TCompositeScore {
  /** 0–100, 2 decimals; null when no target counted. */
  readonly score: number | null;
  readonly byArea: Partial<Record<TReformArea, { score: number; count: number }>>;
  readonly counted: number;
  readonly skipped: number;
}

export const COMPOSITE_PRECISION = 2;

/**
 * The edition of the rules a composite score is computed by (this file, `evaluateTarget`, the
 * catalog's areas and directions). Scores the API keeps (composite_scores) carry it: raise it with
 * any change that can change a score, and scores stored under an older edition are computed again.
 */
export const COMPOSITE_RULES_VERSION = 1;

function capped(ratio: number): number {
  return Math.min(Math.max(ratio, 0), 1);
}

/**
 * A target's contribution, 0–1, or null when it is skipped:
 * met / on_track → 1 (min(ratio, 1) when there is a ratio); not_met / off_track → min(ratio, 1), or 0
 * without a ratio; no_data → 0 (counted: a missing report is not a free pass); not_applicable → skipped.
 */
export function targetContribution(
  attainment: Pick<TAttainment, 'status' | 'ratio'>,
): number | null {
  const { status, ratio } = attainment;
  switch (status) {
    case 'met':
    case 'on_track':
      return ratio === null ? 1 : capped(ratio);
    case 'not_met':
    case 'off_track':
      return ratio === null ? 0 : capped(ratio);
    case 'no_data':
      return 0;
    case 'not_applicable':
      return null;
  }
}

/**
 * Weighted mean over reform areas of each area's mean contribution, × 100, rounded to 2 decimals.
 * Weights default to 1 per area (an area missing from `weights` weighs 1); an area with weight 0 is
 * shown in `byArea` but does not count in `score`. Only areas with counted targets take part.
 */
export function compositeScore(
  items: readonly TCompositeItem[],
  weights: Partial<Record<TReformArea, number>> = {},
): TCompositeScore {
  for (const [area, weight] of Object.entries(weights)) {
    if (weight !== undefined && (!Number.isFinite(weight) || weight < 0)) {
      throw new DomainError(
        'invalid_argument',
        `Trọng số lĩnh vực ${area} không hợp lệ: ${String(weight)}.`,
        { area, weight },
      );
    }
  }
  const sums = new Map<TReformArea, { total: number; count: number }>();
  let counted = 0;
  let skipped = 0;
  for (const item of items) {
    const contribution = targetContribution(item.attainment);
    if (contribution === null) {
      skipped += 1;
      continue;
    }
    counted += 1;
    const sum = sums.get(item.area) ?? { total: 0, count: 0 };
    sum.total += contribution;
    sum.count += 1;
    sums.set(item.area, sum);
  }

  const byArea: Partial<Record<TReformArea, { score: number; count: number }>> = {};
  let weighted = 0;
  let weightSum = 0;
  for (const area of REFORM_AREAS) {
    const sum = sums.get(area);
    if (sum === undefined) continue;
    const mean = sum.total / sum.count;
    byArea[area] = { score: roundTo(mean * 100, COMPOSITE_PRECISION), count: sum.count };
    const weight = weights[area] ?? 1;
    weighted += weight * mean;
    weightSum += weight;
  }
  const score = weightSum > 0 ? roundTo((weighted / weightSum) * 100, COMPOSITE_PRECISION) : null;
  return { score, byArea, counted, skipped };
}
