import { Injectable } from '@nestjs/common';
import {
  buildComparison,
  findIndicator,
  parsePeriod,
  plansForYear,
  type TCohortRule,
  type TComparisonQuery,
  type TComparisonView,
  type TMe,
  type TRankPosition,
  type TTarget,
  type TUnitWithClassifications,
} from '@commune-bench/domain';
import { ReadDatabase } from '../database/read-database.js';
import { PlansRepository } from '../plans/plans.repository.js';
import { RankingCache } from '../rankings/ranking-cache.js';
import { RankingEngine } from '../rankings/ranking-engine.service.js';
import { statusesCounted } from '../rankings/rankings.service.js';
import { UnitsService } from '../units/units.service.js';

const rankKey = (
  unitId: string,
  indicatorCode: string,
  period: string,
  cohort: TCohortRule | null,
) => JSON.stringify([unitId, indicatorCode, period, cohort]);

@Injectable()
export class ComparisonsService {
  constructor(
    private readonly units: UnitsService,
    private readonly plans: PlansRepository,
    private readonly engine: RankingEngine,
    private readonly read: ReadDatabase,
    private readonly cache: RankingCache,
  ) {}

  /** Every unit compared must exist and be in the user's scope (404 / 403 otherwise). */
  checkAccess(user: TMe, query: TComparisonQuery): Promise<TUnitWithClassifications[]> {
    return this.units.getAllReadable(user, [...new Set(query.units)]);
  }

  /**
   * Side by side: per indicator any of the units targets, each unit's target for the period's year,
   * its latest counted result at or before the period, the attainment, and the most and least
   * ambitious targets (packages/domain `buildComparison`). Units of any type and province may be
   * compared; each must be in the user's scope.
   */
  async compare(user: TMe, query: TComparisonQuery): Promise<TComparisonView> {
    const units = await this.checkAccess(user, query);
    // The view depends on the query and the data only (access is checked above, for each caller):
    // kept as rankings are, until a committed change to what it is computed from.
    return this.cache.getOrCompute(['comparison', query], () => this.build(units, query));
  }

  private async build(
    units: TUnitWithClassifications[],
    query: TComparisonQuery,
  ): Promise<TComparisonView> {
    const ids = units.map((unit) => unit.id);
    const year = parsePeriod(query.period).year;
    const plans = await this.plans.findByUnits(ids, this.read.manager);
    const targetsByPlan = await this.plans.targetsOf(
      plans.map((plan) => plan.id),
      this.read.manager,
    );
    const wanted = query.indicators === undefined ? undefined : new Set(query.indicators);
    const targetsByUnit = new Map<string, TTarget[]>();
    for (const unit of units) {
      const own = plans.filter((plan) => plan.unitId === unit.id);
      const counted = plansForYear(own, year);
      const targets = (counted.length > 0 ? counted : own).flatMap(
        (plan) => targetsByPlan.get(plan.id) ?? [],
      );
      targetsByUnit.set(
        unit.id,
        targets.filter(
          (target) =>
            target.indicatorCode !== null &&
            (wanted === undefined || wanted.has(target.indicatorCode)),
        ),
      );
    }
    const statuses = statusesCounted(query.include);
    const scope = this.engine.scope();
    const seriesByUnit = await scope.series(ids, statuses, query.period);
    // Rank targets ("top 10 xã loại I") are judged against the cohort's ranking: computed beforehand.
    const positions = new Map<string, TRankPosition | null>();
    for (const unit of units) {
      for (const target of targetsByUnit.get(unit.id) ?? []) {
        if (
          (target.comparator !== 'top_n' && target.comparator !== 'better_rank') ||
          target.indicatorCode === null
        )
          continue;
        const rule: TCohortRule = {
          ...(target.cohort ?? {}),
          ...(target.cohort?.province === undefined && unit.provinceCode !== null
            ? { province: unit.provinceCode }
            : {}),
        };
        for (const period of [
          query.period,
          ...(target.baselineYear !== null ? [String(target.baselineYear)] : []),
        ]) {
          const key = rankKey(unit.id, target.indicatorCode, period, target.cohort);
          if (!positions.has(key))
            positions.set(
              key,
              await scope.position(unit.id, {
                rule,
                period,
                indicator: target.indicatorCode,
                ties: 'competition',
                statuses,
              }),
            );
        }
      }
    }
    return buildComparison({
      period: query.period,
      units: units.map((unit) => ({
        id: unit.id,
        name: unit.name,
        type: unit.type,
        provinceCode: unit.provinceCode,
      })),
      targetsByUnit,
      seriesByUnit,
      indicators: findIndicator,
      rankAt: (unitId, indicatorCode, period, cohort) =>
        positions.get(rankKey(unitId, indicatorCode, period, cohort)) ?? null,
    });
  }
}
