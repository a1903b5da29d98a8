import {
  parsePeriod,
  plansForYear,
  type TPlanDetail,
  type TPlanSummary,
  type TResultView,
  type TTarget,
} from '@commune-bench/domain';

export interface EntryRow {
  indicatorCode: string;
  /** The target that applies to the period: the earliest one due in or after its year. */
  target: TTarget | null;
  result: TResultView | null;
}

/** The plans whose targets the entry grid offers for a period. */
export function plansForPeriod(plans: readonly TPlanSummary[], period: string): TPlanSummary[] {
  return plansForYear(plans, parsePeriod(period).year);
}

/**
 * One row per indicator the unit's plans target (catalog indicators only) plus any indicator that
 * already has a result for the period, in plan order.
 */
export function entryRows(
  plans: readonly TPlanDetail[],
  results: readonly TResultView[],
  period: string,
): EntryRow[] {
  const year = parsePeriod(period).year;
  const targets = new Map<string, TTarget>();
  for (const plan of plans) {
    for (const target of plan.targets) {
      if (target.indicatorCode === null) continue;
      const current = targets.get(target.indicatorCode);
      const applies = target.dueYear >= year;
      const better =
        current === undefined ||
        (applies && (current.dueYear < year || target.dueYear < current.dueYear));
      if (better) targets.set(target.indicatorCode, target);
    }
  }
  const byIndicator = new Map(
    results
      .filter((result) => result.period === period)
      .map((result) => [result.indicatorCode, result]),
  );
  const codes = [
    ...targets.keys(),
    ...[...byIndicator.keys()].filter((code) => !targets.has(code)),
  ];
  return codes.map((indicatorCode) => ({
    indicatorCode,
    target: targets.get(indicatorCode) ?? null,
    result: byIndicator.get(indicatorCode) ?? null,
  }));
}

/** Commune staff change drafts and returned results; submitted and verified ones are locked. */
export function isLockedForStaff(result: TResultView | null): boolean {
  return result !== null && (result.status === 'submitted' || result.status === 'verified');
}
