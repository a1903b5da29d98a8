import { Injectable } from '@nestjs/common';
import {
  canRankCohort,
  cohortMembership,
  findIndicator,
  parsePeriod,
  previousPeriod,
  type TCohortRule,
  type TMe,
  type TRankingQuery,
  type TRankingView,
  type TResultStatus,
} from '@commune-bench/domain';
import { badRequest, forbidden, notFound } from '../common/app-error.js';
import { UnitsRepository } from '../units/units.repository.js';
import { RankingCache, type RankingJson } from './ranking-cache.js';
import { COMPOSITE, direction, RankingEngine } from './ranking-engine.service.js';

export function statusesCounted(include: 'verified' | 'submitted'): TResultStatus[] {
  return include === 'submitted' ? ['verified', 'submitted'] : ['verified'];
}

export function cohortRuleOf(
  query: Pick<TRankingQuery, 'province' | 'type' | 'class'>,
): TCohortRule {
  return {
    ...(query.province !== undefined ? { province: query.province } : {}),
    ...(query.type !== undefined ? { unitTypes: [query.type] } : {}),
    ...(query.class !== undefined ? { classes: [query.class] } : {}),
  };
}

@Injectable()
export class RankingsService {
  constructor(
    private readonly engine: RankingEngine,
    private readonly units: UnitsRepository,
    private readonly cache: RankingCache,
  ) {}

  /**
   * A league table: the cohort (province, type, class valid in the period's year), values rounded to
   * the indicator's precision, ties by the chosen rule, previous period's rank and change, the units
   * left out with their reason, and the method.
   */
  async ranking(user: TMe, query: TRankingQuery): Promise<TRankingView> {
    const rule = await this.checkAccess(user, query);
    // The view depends on the query and the data only (access is checked above, for each caller).
    return this.cache.getOrCompute(['ranking', query], () => this.compute(rule, query));
  }

  /** `ranking` as JSON text, for the HTTP answer (a cached ranking is sent without re-serialising). */
  async rankingJson(user: TMe, query: TRankingQuery): Promise<RankingJson> {
    const rule = await this.checkAccess(user, query);
    return this.cache.getOrComputeJson(['ranking', query], () => this.compute(rule, query));
  }

  private async compute(rule: TCohortRule, query: TRankingQuery): Promise<TRankingView> {
    const statuses = statusesCounted(query.include);
    const scope = this.engine.scope();
    const previous = previousPeriod(query.period);
    const previousRanking = await scope.full({
      rule,
      period: previous,
      indicator: query.indicator,
      ties: query.ties,
      statuses,
    });
    const ranking = await scope.rank(
      { rule, period: query.period, indicator: query.indicator, ties: query.ties, statuses },
      {
        previousRanks: new Map(previousRanking.rows.map((row) => [row.unitId, row.rank])),
        top: query.top,
        around: query.around,
        k: query.k,
      },
    );
    const { direction: dir, precision } = direction(query.indicator);
    return {
      method: {
        cohort: rule,
        period: query.period,
        previousPeriod: previous,
        indicator: query.indicator,
        direction: dir,
        ties: query.ties,
        precision,
        statusesCounted: statuses,
      },
      rows: ranking.rows,
      excluded: ranking.excluded,
      total: ranking.total,
    };
  }

  /**
   * The checks made before any ranking is computed (indicator known, parameters consistent, the
   * cohort in the user's scope): also run when an export is queued as a job. Returns the cohort rule.
   */
  async checkAccess(user: TMe, query: TRankingQuery): Promise<TCohortRule> {
    if (query.indicator !== COMPOSITE && !findIndicator(query.indicator))
      throw notFound(`Không có chỉ số "${query.indicator}" trong danh mục.`);
    if (query.k !== undefined && query.around === undefined)
      throw badRequest('Tham số k đi cùng around (mã đơn vị).', [
        { path: 'k', message: 'cần around' },
      ]);
    const rule = cohortRuleOf(query);
    await this.authorize(user, rule, query);
    return rule;
  }

  private async authorize(user: TMe, rule: TCohortRule, query: TRankingQuery): Promise<void> {
    let ownUnitIsMember = false;
    if (user.role === 'commune_staff' && user.scope.unitId !== null) {
      const own = await this.units.findById(user.scope.unitId);
      ownUnitIsMember =
        own !== undefined &&
        cohortMembership(own, own.classifications, rule, parsePeriod(query.period).year).member;
    }
    if (
      !canRankCohort(user, rule, {
        ownUnitIsMember,
        includeSubmitted: query.include === 'submitted',
      })
    ) {
      throw forbidden(
        user.role === 'commune_staff'
          ? 'Cán bộ xã chỉ xem được xếp hạng của nhóm có đơn vị mình, trên kết quả đã thẩm định.'
          : 'Nhóm xếp hạng nằm ngoài các tỉnh/thành được giao cho tài khoản của bạn (chọn tỉnh/thành).',
      );
    }
  }
}
