import { Injectable, Logger } from '@nestjs/common';
import {
  cohortMembership,
  compositeScore,
  COMPOSITE_PRECISION,
  evaluateTarget,
  findIndicator,
  formatIndicatorValue,
  isAtOrBefore,
  periodEndYear,
  parsePeriod,
  plansForYear,
  rankUnits,
  type TCohortRule,
  type TDirection,
  type TIndicator,
  type TRankEntry,
  type TRankPosition,
  type TRankResult,
  type TResultStatus,
  type TSeriesPoint,
  type TTarget,
  type TTieRule,
  type TUnitWithClassifications,
} from '@commune-bench/domain';
import type { EntityManager } from 'typeorm';
import { ReadDatabase } from '../database/read-database.js';
import { PlansRepository } from '../plans/plans.repository.js';
import { ResultsRepository } from '../results/results.repository.js';
import { UnitsRepository } from '../units/units.repository.js';
import {
  CompositeScoresRepository,
  type CompositeScoreKey,
} from './composite-scores.repository.js';

export const COMPOSITE = 'composite';

export interface RankingRequest {
  rule: TCohortRule;
  period: string;
  /** A catalog code, or 'composite' for the attainment score. */
  indicator: string;
  ties: TTieRule;
  statuses: readonly TResultStatus[];
}

export interface RankingOptions {
  previousRanks?: ReadonlyMap<string, number>;
  top?: number;
  around?: string;
  k?: number;
}

/**
 * Gathers what a ranking needs from the database and hands it to packages/domain (`rankUnits`,
 * `evaluateTarget`, `compositeScore`): the one place rankings are computed, for the API, the exports
 * and the evaluation of `top_n` targets alike. Memoises within one request (`RankingScope`).
 */
@Injectable()
export class RankingEngine {
  constructor(
    private readonly units: UnitsRepository,
    private readonly results: ResultsRepository,
    private readonly plans: PlansRepository,
    private readonly read: ReadDatabase,
    private readonly scores: CompositeScoresRepository,
  ) {}

  /** Reads from the replica when DATABASE_READ_URL is set (database/read-database.ts). */
  scope(): RankingScope {
    return new RankingScope(this.units, this.results, this.plans, this.read.manager, this.scores);
  }
}

export function direction(indicator: string): { direction: TDirection; precision: number } {
  if (indicator === COMPOSITE)
    return { direction: 'higher_better', precision: COMPOSITE_PRECISION };
  const found = findIndicator(indicator);
  return { direction: found?.direction ?? 'higher_better', precision: found?.precision ?? 2 };
}

const logger = new Logger('RankingEngine');

export class RankingScope {
  private readonly memo = new Map<string, Promise<TRankResult>>();
  private readonly candidateMemo = new Map<string, Promise<TUnitWithClassifications[]>>();

  constructor(
    private readonly units: UnitsRepository,
    private readonly results: ResultsRepository,
    private readonly plans: PlansRepository,
    private readonly manager: EntityManager,
    private readonly scores: CompositeScoresRepository,
  ) {}

  /** Members of the cohort in the period's year, and the units left out. */
  async cohort(
    rule: TCohortRule,
    period: string,
  ): Promise<{
    members: TUnitWithClassifications[];
    notInCohortThatYear: TUnitWithClassifications[];
  }> {
    const year = parsePeriod(period).year;
    const currentYear = new Date().getUTCFullYear();
    const candidates = await this.candidates(rule);
    const members: TUnitWithClassifications[] = [];
    const notInCohortThatYear: TUnitWithClassifications[] = [];
    for (const unit of candidates) {
      if (cohortMembership(unit, unit.classifications, rule, year).member) members.push(unit);
      else if (cohortMembership(unit, unit.classifications, rule, currentYear).member)
        notInCohortThatYear.push(unit);
    }
    return { members, notInCohortThatYear };
  }

  /**
   * The units a cohort can hold in any year (its province, its types, a classification of one of its
   * classes at some time), with their classification history: read once per request, whichever
   * periods it ranks. Which class counts in which year is the domain's `cohortMembership`.
   */
  private candidates(rule: TCohortRule): Promise<TUnitWithClassifications[]> {
    const key = JSON.stringify([rule.province, rule.explicitUnitIds, rule.unitTypes, rule.classes]);
    let found = this.candidateMemo.get(key);
    if (!found) {
      found = this.units.find(
        {
          province: rule.province,
          ids: rule.explicitUnitIds,
          ...(rule.unitTypes !== undefined && rule.unitTypes.length > 0
            ? { types: rule.unitTypes }
            : {}),
          ...(rule.classes !== undefined && rule.classes.length > 0
            ? { everInClasses: rule.classes }
            : {}),
        },
        this.manager,
      );
      this.candidateMemo.set(key, found);
    }
    return found;
  }

  async rank(request: RankingRequest, options: RankingOptions = {}): Promise<TRankResult> {
    const { direction: dir, precision } = direction(request.indicator);
    const entries = await this.entries(request);
    const indicator =
      request.indicator === COMPOSITE ? undefined : findIndicator(request.indicator);
    // What a person reads: "92,4%" for a percent, "0,9512" for the DTI score, "87,25" for a composite score.
    const format = indicator
      ? (value: number) => formatIndicatorValue(value, indicator)
      : undefined;
    return rankUnits(entries, {
      direction: dir,
      precision,
      ties: request.ties,
      ...options,
      ...(format ? { format } : {}),
    });
  }

  /** The full ranking (no top/around), memoised: for previous ranks and `top_n` targets. */
  full(request: RankingRequest): Promise<TRankResult> {
    const key = JSON.stringify([
      request.rule,
      request.period,
      request.indicator,
      request.ties,
      request.statuses,
    ]);
    let ranking = this.memo.get(key);
    if (!ranking) {
      ranking = this.rank(request);
      this.memo.set(key, ranking);
    }
    return ranking;
  }

  /** A unit's position in a cohort's ranking, for `top_n` / `better_rank` targets. */
  async position(unitId: string, request: RankingRequest): Promise<TRankPosition | null> {
    const ranking = await this.full(request);
    const row = ranking.rows.find((candidate) => candidate.unitId === unitId);
    return row ? { rank: row.rank, size: ranking.total } : null;
  }

  private async entries(request: RankingRequest): Promise<TRankEntry[]> {
    const { members, notInCohortThatYear } = await this.cohort(request.rule, request.period);
    const left: TRankEntry[] = notInCohortThatYear.map((unit) => ({
      unitId: unit.id,
      unitName: unit.name,
      value: null,
      excludedReason: 'not_in_cohort_that_year',
    }));
    if (request.indicator === COMPOSITE)
      return [...(await this.compositeEntries(members, request)), ...left];
    const results = await this.results.findValues(
      {
        unitIds: members.map((unit) => unit.id),
        indicatorCode: request.indicator,
        period: request.period,
      },
      this.manager,
    );
    const byUnit = new Map(results.map((result) => [result.unitId, result]));
    return [
      ...members.map((unit): TRankEntry => {
        const result = byUnit.get(unit.id);
        if (!result || result.value === null)
          return { unitId: unit.id, unitName: unit.name, value: null, excludedReason: 'no_data' };
        if (!request.statuses.includes(result.status))
          return {
            unitId: unit.id,
            unitName: unit.name,
            value: null,
            excludedReason: 'not_verified',
          };
        return {
          unitId: unit.id,
          unitName: unit.name,
          value: result.value,
          provisional: result.status !== 'verified',
        };
      }),
      ...left,
    ];
  }

  /**
   * Composite entries: the scores kept in composite_scores where they are current, the others
   * computed (`computeScores`) and stored for the next request. A write bumps the versions of the
   * units whose score it can change (the migration's triggers), so after one result is entered only
   * that unit and those whose rank targets it moves are computed again, not the whole country.
   */
  private async compositeEntries(
    members: TUnitWithClassifications[],
    request: RankingRequest,
  ): Promise<TRankEntry[]> {
    const key: CompositeScoreKey = {
      period: request.period,
      include: [...request.statuses].sort().join('+'),
      ties: request.ties,
    };
    const stored = await this.scores.find(
      key,
      members.map((unit) => unit.id),
      this.manager,
    );
    const missing = members.filter((unit) => stored.get(unit.id)?.current !== true);
    const scores =
      missing.length === 0
        ? new Map<string, number | null>()
        : await this.computeScores(missing, request);
    try {
      await this.scores.save(
        key,
        missing.map((unit) => ({
          unitId: unit.id,
          version: stored.get(unit.id)?.version ?? '1',
          score: scores.get(unit.id) ?? null,
        })),
      );
    } catch (error) {
      // The answer stands; the scores are computed again next time.
      logger.warn(`composite scores not stored: ${(error as Error).message}`);
    }
    for (const [unitId, found] of stored) if (found.current) scores.set(unitId, found.score);
    return members.map((unit): TRankEntry => {
      const score = scores.get(unit.id) ?? null;
      return {
        unitId: unit.id,
        unitName: unit.name,
        value: score,
        ...(score === null ? { excludedReason: 'no_data' as const } : {}),
      };
    });
  }

  /** Attainment score: each unit's targets due in the period's year, evaluated on counted results. */
  private async computeScores(
    members: TUnitWithClassifications[],
    request: RankingRequest,
  ): Promise<Map<string, number | null>> {
    const year = parsePeriod(request.period).year;
    const unitIds = members.map((unit) => unit.id);
    const plans = await this.plans.findByUnits(unitIds, this.manager);
    const targetsByPlan = await this.plans.targetsOf(
      plans.map((plan) => plan.id),
      this.manager,
    );
    // Only the indicators some target due this year needs, and only the points evaluation reads.
    const codes = new Set<string>();
    const baselineYears = new Set<number>();
    for (const targets of targetsByPlan.values())
      for (const target of targets)
        if (target.dueYear === year && target.indicatorCode !== null) {
          codes.add(target.indicatorCode);
          if (target.baselineYear !== null) baselineYears.add(target.baselineYear);
        }
    const series =
      codes.size === 0
        ? new Map<string, Map<string, TSeriesPoint[]>>()
        : await this.evaluationSeries(
            unitIds,
            request.statuses,
            request.period,
            [...codes],
            [...baselineYears],
          );
    const plansByUnit = new Map<string, typeof plans>();
    for (const plan of plans) {
      const own = plansByUnit.get(plan.unitId);
      if (own) own.push(plan);
      else plansByUnit.set(plan.unitId, [plan]);
    }
    const scores = new Map<string, number | null>();
    for (const unit of members) {
      const own = plansForYear(plansByUnit.get(unit.id) ?? [], year);
      const targets = own
        .flatMap((plan) => targetsByPlan.get(plan.id) ?? [])
        .filter((target) => target.dueYear === year && target.indicatorCode !== null);
      if (targets.length === 0) {
        scores.set(unit.id, null);
        continue;
      }
      const items = [];
      for (const target of targets) {
        const indicator = findIndicator(target.indicatorCode!);
        const attainment = await this.evaluate(
          unit,
          target,
          indicator,
          series.get(unit.id)?.get(target.indicatorCode!) ?? [],
          request,
        );
        items.push({ area: indicator?.area ?? target.areaInPlan ?? 'CDDH', attainment });
      }
      scores.set(unit.id, compositeScore(items).score);
    }
    return scores;
  }

  /** evaluateTarget with the rank lookups a rank target needs, computed beforehand. */
  async evaluate(
    unit: { id: string; provinceCode: string | null },
    target: TTarget,
    indicator: TIndicator | undefined,
    series: readonly TSeriesPoint[],
    request: Pick<RankingRequest, 'period' | 'statuses' | 'ties'>,
  ) {
    const ranks = new Map<string, TRankPosition | null>();
    if (
      (target.comparator === 'top_n' || target.comparator === 'better_rank') &&
      target.indicatorCode !== null
    ) {
      const rule: TCohortRule = {
        ...(target.cohort ?? {}),
        ...(target.cohort?.province === undefined && unit.provinceCode !== null
          ? { province: unit.provinceCode }
          : {}),
      };
      const periods = [
        request.period,
        ...(target.baselineYear !== null ? [String(target.baselineYear)] : []),
      ];
      for (const period of periods)
        ranks.set(
          period,
          await this.position(unit.id, {
            rule,
            period,
            indicator: target.indicatorCode,
            ties: request.ties,
            statuses: request.statuses,
          }),
        );
    }
    return evaluateTarget(target, indicator, series, {
      asOf: request.period,
      rankAt: (period) => ranks.get(period) ?? null,
    });
  }

  /**
   * The points of `series` that target evaluation reads (ResultsRepository.findEvaluationPoints):
   * the same attainment for every target due by `upTo` whose baseline year is in `baselineYears`.
   */
  async evaluationSeries(
    unitIds: readonly string[],
    statuses: readonly TResultStatus[],
    upTo: string,
    indicatorCodes: readonly string[],
    baselineYears: readonly number[],
  ): Promise<Map<string, Map<string, TSeriesPoint[]>>> {
    const asked = parsePeriod(upTo);
    const rows = await this.results.findEvaluationPoints(
      {
        unitIds,
        statuses,
        indicatorCodes,
        asOfEnd: asked.year * 100 + asked.endMonth,
        baselineYears,
      },
      this.manager,
    );
    return groupPoints(rows);
  }

  /** Results per unit and indicator at or before a period, of the counted statuses. */
  async series(
    unitIds: readonly string[],
    statuses: readonly TResultStatus[],
    upTo: string,
    indicatorCodes?: readonly string[],
  ): Promise<Map<string, Map<string, TSeriesPoint[]>>> {
    const rows = await this.results.findPoints(
      { unitIds, statuses, indicatorCodes, upToYear: periodEndYear(upTo) },
      this.manager,
    );
    return groupPoints(rows.filter((row) => isAtOrBefore(row.period, upTo)));
  }
}

/** Points by unit, then by indicator. */
function groupPoints(
  rows: readonly { unitId: string; indicatorCode: string; period: string; value: number }[],
): Map<string, Map<string, TSeriesPoint[]>> {
  const byUnit = new Map<string, Map<string, TSeriesPoint[]>>();
  for (const row of rows) {
    const byIndicator = byUnit.get(row.unitId) ?? new Map<string, TSeriesPoint[]>();
    const points = byIndicator.get(row.indicatorCode) ?? [];
    points.push({ period: row.period, value: row.value });
    byIndicator.set(row.indicatorCode, points);
    byUnit.set(row.unitId, byIndicator);
  }
  return byUnit;
}
