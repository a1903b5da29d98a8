import { classificationForYear, parsePeriod, type TProvince } from '@commune-bench/domain';
import { Alert, Card, Col, Flex, Row, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { EChart } from '../../../components/echart';
import { PageTitle } from '../../../components/page-title';
import { QueryError } from '../../../components/query-error';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { useIndicatorLookup } from '../../indicators/api/list-indicators';
import { COMPOSITE } from '../../indicators/components/indicator-select';
import { ExportButtons } from '../../reports/components/export-buttons';
import { useUnit } from '../../units/api/get-unit';
import { useProvinces } from '../../units/api/list-provinces';
import { rankingQueryParameters, useRanking } from '../api/get-ranking';
import {
  rankingParamsOf,
  useRankingFilters,
  type RankingFilterChanges,
} from '../hooks/use-ranking-filters';
import { useTargetStatuses } from '../hooks/use-target-statuses';
import { rankingChartOption } from '../utils/ranking-chart-option';
import { ExcludedUnits } from './excluded-units';
import { LeagueTable } from './league-table';
import { RankingMethod } from './ranking-method';
import { RankingsFilters } from './rankings-filters';

/** Xếp hạng: a league table of a cohort for an indicator (or the composite score) and a period. */
export function RankingsPage() {
  const user = useCurrentUser();
  const { filters, params, setFilters } = useRankingFilters();
  const provincesQuery = useProvinces();
  const lookup = useIndicatorLookup();
  const staff = user.role === 'commune_staff';
  const ownUnitId = staff ? user.scope.unitId : null;
  const ownUnit = useUnit(ownUnitId ?? undefined).data;

  // A link without a cohort opens the user's natural one: their own commune's, or their province's
  // xã loại I. Written to the URL so the view can be shared as it is.
  const hasCohort = params.has('province') || params.has('type') || params.has('class');
  useEffect(() => {
    if (hasCohort) return;
    if (staff) {
      if (!ownUnit) return;
      const year = parsePeriod(filters.period).year;
      const unitClass = classificationForYear(ownUnit.classifications, year)?.class;
      setFilters(
        { province: ownUnit.provinceCode ?? undefined, type: ownUnit.type, class: unitClass },
        { replace: true },
      );
      return;
    }
    const scoped = user.role === 'reviewer' && Array.isArray(user.scope.provinces);
    const province = scoped ? (user.scope.provinces as string[])[0] : undefined;
    setFilters({ province, type: 'xa', class: 'I' }, { replace: true });
  }, [hasCohort, staff, ownUnit, filters.period, setFilters, user]);

  const provinces = useMemo<TProvince[]>(() => {
    const all = (provincesQuery.data ?? []).filter((province) => province.validTo === null);
    if (staff) return all.filter((province) => province.code === ownUnit?.provinceCode);
    const scope = user.role === 'reviewer' ? user.scope.provinces : 'all';
    if (scope === 'all' || scope === null) return all;
    return all.filter((province) => scope.includes(province.code));
  }, [provincesQuery.data, staff, ownUnit, user]);
  const nationwide = staff || user.role === 'admin' || user.scope.provinces === 'all';

  const rankingParams = rankingParamsOf(filters);
  const ranking = useRanking(rankingParams, { enabled: hasCohort });
  const view = ranking.data;
  const indicator = filters.indicator === COMPOSITE ? undefined : lookup(filters.indicator);
  const showTargets = filters.indicator !== COMPOSITE;
  const readable = useMemo(
    () => (staff ? new Set(ownUnitId ? [ownUnitId] : []) : undefined),
    [staff, ownUnitId],
  );
  const targets = useTargetStatuses(view?.rows ?? [], filters.indicator, filters.period, {
    enabled: showTargets && view !== undefined && !ranking.isPlaceholderData,
    readableUnitIds: readable,
  });
  const provinceName = (code: string) =>
    provincesQuery.data?.find((province) => province.code === code)?.name;
  const chartOption = useMemo(
    () =>
      rankingChartOption(view?.rows ?? [], {
        indicator,
        ownUnitId,
        highlightTop: filters.highlightTop,
      }),
    [view, indicator, ownUnitId, filters.highlightTop],
  );

  const onChange = (changes: RankingFilterChanges) => setFilters(changes);

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title="Xếp hạng"
        subtitle="Bảng xếp hạng các đơn vị trong nhóm so sánh theo một chỉ số hoặc điểm thực hiện chỉ tiêu."
      />
      <RankingsFilters
        filters={filters}
        provinces={provinces}
        nationwide={nationwide}
        canIncludeSubmitted={!staff}
        onChange={onChange}
      />
      {ranking.isError && (
        <QueryError
          title="Không tải được bảng xếp hạng."
          error={ranking.error}
          onRetry={() => void ranking.refetch()}
        />
      )}
      {view && (
        <>
          <ExportButtons
            kind="ranking"
            parameters={rankingQueryParameters(rankingParams)}
            rowCount={view.rows.length}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <LeagueTable
                rows={view.rows}
                indicator={indicator}
                ownUnitId={ownUnitId}
                highlightTop={filters.highlightTop}
                targetCells={targets.cells}
                targetsLoading={targets.isPending}
                showTargetColumn={showTargets}
                loading={ranking.isFetching}
              />
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                Các dòng tô màu: {filters.highlightTop} hạng đầu. ▲ tăng hạng, ▼ giảm hạng so với kỳ
                trước; “Mới”: kỳ trước chưa được xếp hạng.
              </Typography.Text>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title="Biểu đồ giá trị theo hạng">
                {view.rows.length > 0 ? (
                  <EChart
                    option={chartOption}
                    label={`Biểu đồ cột: giá trị của ${view.rows.length} đơn vị theo thứ hạng`}
                    height={Math.max(220, view.rows.length * 26 + 40)}
                  />
                ) : (
                  <Typography.Text type="secondary">Chưa có dữ liệu để vẽ biểu đồ.</Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          <ExcludedUnits rows={view.excluded} />
          <RankingMethod
            method={view.method}
            indicator={indicator}
            provinceName={provinceName}
            total={view.total}
          />
          {view.rows.some((row) => row.provisional) && (
            <Alert
              type="warning"
              showIcon
              title="Bảng có kết quả chưa thẩm định (“Tạm tính”): thứ hạng có thể thay đổi."
            />
          )}
        </>
      )}
    </Flex>
  );
}
