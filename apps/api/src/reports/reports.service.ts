import { Injectable } from '@nestjs/common';
import {
  findIndicator,
  formatUnitNameVi,
  type TComparisonQuery,
  type TMe,
  type TRankingQuery,
} from '@commune-bench/domain';
import {
  renderComparison,
  renderRanking,
  REPORT_CONTENT_TYPES,
  reportFileName,
  type ReportContext,
  type ReportFormat,
} from '@commune-bench/reports';
import type { Writable } from 'node:stream';
import { ComparisonsService } from '../comparisons/comparisons.service.js';
import { COMPOSITE } from '../rankings/ranking-engine.service.js';
import { RankingsService } from '../rankings/rankings.service.js';
import { ReferenceRepository } from '../reference/reference.repository.js';
import { UnitsRepository } from '../units/units.repository.js';

export interface ReportDownload {
  contentType: string;
  contentDisposition: string;
  write(out: Writable): Promise<void>;
}

/**
 * Exported reports: exactly the ranking or comparison the API returns for the same parameters (and
 * the same scope checks), rendered by packages/reports.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly rankings: RankingsService,
    private readonly comparisons: ComparisonsService,
    private readonly reference: ReferenceRepository,
    private readonly unitsRepository: UnitsRepository,
  ) {}

  async ranking(
    user: TMe,
    query: TRankingQuery,
    format: ReportFormat,
    now = new Date(),
  ): Promise<ReportDownload> {
    const view = await this.rankings.ranking(user, query);
    const indicator = query.indicator === COMPOSITE ? 'composite' : findIndicator(query.indicator)!;
    const context: ReportContext = {
      ...(await this.issuer(user, query.province, now)),
      indicator:
        indicator === 'composite'
          ? 'composite'
          : {
              code: indicator.code,
              nameVi: indicator.nameVi,
              unit: indicator.unit,
              precision: indicator.precision,
            },
      ...(user.role === 'commune_staff' && user.scope.unitId !== null
        ? { ownUnitId: user.scope.unitId }
        : {}),
      ...(query.top !== undefined ? { topN: query.top } : {}),
      isDemo: await this.anyDemo([...view.rows, ...view.excluded].map((row) => row.unitId)),
    };
    const names = reportFileName('ranking', context, format, { period: query.period });
    return {
      contentType: REPORT_CONTENT_TYPES[format],
      contentDisposition: names.contentDisposition,
      write: (out) => renderRanking(view, context, format, out),
    };
  }

  async comparison(
    user: TMe,
    query: TComparisonQuery,
    format: ReportFormat,
    now = new Date(),
  ): Promise<ReportDownload> {
    const view = await this.comparisons.compare(user, query);
    const provinces = [
      ...new Set(
        view.units.map((unit) => unit.provinceCode).filter((code): code is string => code !== null),
      ),
    ];
    const context = {
      ...(await this.issuer(user, provinces.length === 1 ? provinces[0] : undefined, now)),
      isDemo: await this.anyDemo(view.units.map((unit) => unit.id)),
    };
    const names = reportFileName('comparison', context, format, { period: query.period });
    return {
      contentType: REPORT_CONTENT_TYPES[format],
      contentDisposition: names.contentDisposition,
      write: (out) => renderComparison(view, context, format, out),
    };
  }

  /** Who issues the report: the ministry, a province's department of home affairs, or the commune. */
  private async issuer(
    user: TMe,
    provinceCode: string | undefined,
    now: Date,
  ): Promise<Omit<ReportContext, 'indicator'>> {
    const provinces = await this.reference.listProvinces();
    const provinceName = Object.fromEntries(
      provinces.map((province) => [province.code, province.name]),
    );
    const province = provinces.find(
      (candidate) =>
        candidate.code ===
        (provinceCode ??
          (Array.isArray(user.scope.provinces) && user.scope.provinces.length === 1
            ? user.scope.provinces[0]
            : undefined)),
    );
    let issuingBody = 'BỘ NỘI VỤ';
    let place = 'Hà Nội';
    if (user.role === 'commune_staff' && user.scope.unitId !== null) {
      const unit = await this.unitsRepository.findById(user.scope.unitId);
      if (unit) {
        issuingBody = `ỦY BAN NHÂN DÂN\n${formatUnitNameVi(unit).toLocaleUpperCase('vi')}`;
        place = unit.name;
      }
    } else if (province) {
      issuingBody = `SỞ NỘI VỤ\n${province.kind === 'thanh_pho' ? 'THÀNH PHỐ' : 'TỈNH'} ${province.name.toLocaleUpperCase('vi')}`;
      place = province.name;
    }
    return {
      issuingBody,
      place,
      date: now.toISOString().slice(0, 10),
      generatedBy: user.displayName,
      generatedAt: now.toISOString(),
      dataSource: 'commune-bench: kết quả thực hiện do đơn vị báo cáo và chuyên viên thẩm định',
      provinceName,
    };
  }

  private async anyDemo(unitIds: string[]): Promise<boolean> {
    if (unitIds.length === 0) return false;
    return (await this.unitsRepository.refs({ ids: unitIds })).some((unit) => unit.isDemo);
  }
}
