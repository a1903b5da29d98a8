/** Plans: targets grouped as a plan reads (by reform area, then phase). */
import type { TTargetGroup } from './api.schema.js';
import { REFORM_AREAS, type TIndicator, type TReformArea, type TTarget } from './schemas.js';

/**
 * Groups a plan's targets by reform area — the plan's own heading (`areaInPlan`), else the
 * indicator's area, else none — in the order plans list areas, then by phase (chronological, targets
 * without a phase first). Within a group the plan's order is kept.
 */
export function groupTargets(
  targets: readonly TTarget[],
  indicators: (code: string) => TIndicator | undefined,
): TTargetGroup[] {
  const areaOf = (target: TTarget): TReformArea | null =>
    target.areaInPlan ??
    (target.indicatorCode === null ? null : (indicators(target.indicatorCode)?.area ?? null));
  const groups = new Map<string, TTargetGroup>();
  for (const target of targets) {
    const area = areaOf(target);
    const key = `${area ?? ''}|${target.phase ?? ''}`;
    const group = groups.get(key) ?? { area, phase: target.phase, targets: [] };
    group.targets.push(target);
    groups.set(key, group);
  }
  const areaRank = (area: TReformArea | null) =>
    area === null ? REFORM_AREAS.length : REFORM_AREAS.indexOf(area);
  return [...groups.values()].sort(
    (a, b) => areaRank(a.area) - areaRank(b.area) || (a.phase ?? '').localeCompare(b.phase ?? ''),
  );
}

/**
 * The plans whose targets count for a year: the issued plans covering it; when a unit has none, its
 * draft plans covering it (a commune's plan is often still a draft, as Ô Diên's seed is).
 */
export function plansForYear<
  P extends { status: 'draft' | 'issued'; fromYear: number; toYear: number },
>(plans: readonly P[], year: number): P[] {
  const covering = plans.filter((plan) => plan.fromYear <= year && year <= plan.toYear);
  const issued = covering.filter((plan) => plan.status === 'issued');
  return issued.length > 0 ? issued : covering;
}
