import { formatPeriodVi, formatUnitNameVi, parsePeriod } from '@commune-bench/domain';
import { useQueries } from '@tanstack/react-query';
import { Alert, Card, Col, Flex, Row, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { AppLink } from '../../../components/app-link';
import { AttainmentTag } from '../../../components/attainment-tag';
import { PageTitle } from '../../../components/page-title';
import { PeriodSelect } from '../../../components/period-select';
import { QueryError } from '../../../components/query-error';
import { buildPath } from '../../../lib/router';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { useComparison } from '../../comparisons/api/get-comparison';
import { useIndicatorLookup } from '../../indicators/api/list-indicators';
import { COMPOSITE, IndicatorSelect } from '../../indicators/components/indicator-select';
import { getRankingQueryOptions, useRanking } from '../../rankings/api/get-ranking';
import { useUnit } from '../../units/api/get-unit';
import { useProvinces } from '../../units/api/list-provinces';
import { useOverviewFilters } from '../hooks/use-overview-filters';
import { ownCohorts } from '../utils/own-cohorts';
import { CohortRankCard } from './cohort-rank-card';
import { TargetsSummary } from './targets-summary';
import { TopAroundTable } from './top-around-table';

const AROUND_K = 3;
const TOP = 10;

/** Tổng quan: where my commune stands in each of its cohorts, and how its targets stand. */
export function OverviewPage() {
  const user = useCurrentUser();
  const unitId = user.scope.unitId ?? '';
  const { filters, setFilters } = useOverviewFilters();
  const unitQuery = useUnit(unitId || undefined);
  const unit = unitQuery.data;
  const provinces = useProvinces().data;
  const lookup = useIndicatorLookup();
  const indicator = filters.indicator === COMPOSITE ? undefined : lookup(filters.indicator);
  const year = parsePeriod(filters.period).year;

  const cohorts = useMemo(
    () =>
      unit
        ? ownCohorts(
            unit,
            filters.indicator,
            filters.period,
            year,
            (code) => provinces?.find((province) => province.code === code)?.name,
          )
        : [],
    [unit, filters.indicator, filters.period, year, provinces],
  );
  const rankings = useQueries({
    queries: cohorts.map((cohort) => getRankingQueryOptions(cohort.params)),
  });
  const main = cohorts[0];
  const topAround = useRanking(
    {
      ...(main?.params ?? { indicator: filters.indicator, period: filters.period }),
      top: TOP,
      around: unitId,
      k: AROUND_K,
    },
    { enabled: main !== undefined },
  );
  const comparison = useComparison({ unitIds: unitId ? [unitId] : [], period: filters.period });
  const ownTarget = comparison.data?.rows
    .find((row) => row.indicatorCode === filters.indicator)
    ?.cells.find((cell) => cell.unitId === unitId);

  if (!unitId) {
    return <Alert type="warning" showIcon title="Tài khoản của bạn chưa được giao đơn vị." />;
  }
  if (unitQuery.isError) {
    return <QueryError title="Không tải được thông tin đơn vị." error={unitQuery.error} />;
  }
  if (!unit) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin description="Đang tải…" />
      </Flex>
    );
  }

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={`Tổng quan — ${formatUnitNameVi(unit)}`}
        subtitle={`Vị trí của đơn vị trong các nhóm so sánh, ${formatPeriodVi(filters.period)}.`}
        extra={
          <AppLink
            to={buildPath('/rankings', { indicator: filters.indicator, period: filters.period })}
          >
            Xem bảng xếp hạng đầy đủ
          </AppLink>
        }
      />
      <Flex wrap gap="small" role="search" aria-label="Chỉ số và kỳ">
        <IndicatorSelect
          withComposite
          value={filters.indicator}
          onChange={(code) => setFilters({ indicator: code })}
        />
        <PeriodSelect value={filters.period} onChange={(period) => setFilters({ period })} />
      </Flex>
      <Row gutter={[16, 16]}>
        {cohorts.map((cohort, index) => (
          <Col key={cohort.key} xs={24} md={12} xl={6}>
            <CohortRankCard
              name={cohort.name}
              view={rankings[index]?.data}
              error={rankings[index]?.error ?? null}
              unitId={unitId}
              indicator={indicator}
            />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={main ? `Top ${TOP} và đơn vị ±${AROUND_K} — ${main.name}` : 'Xếp hạng'}
          >
            {topAround.isError ? (
              <Typography.Text type="danger">{topAround.error.message}</Typography.Text>
            ) : (
              <TopAroundTable
                rows={topAround.data?.rows ?? []}
                ownUnitId={unitId}
                indicator={indicator}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title="Khoảng cách đến chỉ tiêu của đơn vị"
            role="region"
            aria-label="Khoảng cách đến chỉ tiêu"
          >
            {filters.indicator === COMPOSITE ? (
              <Typography.Text type="secondary">
                Điểm tổng hợp không có chỉ tiêu riêng; xem tình trạng từng chỉ tiêu bên dưới.
              </Typography.Text>
            ) : ownTarget?.target && ownTarget.attainment ? (
              <Flex vertical gap="small">
                <Typography.Text>{ownTarget.target.label}</Typography.Text>
                <AttainmentTag status={ownTarget.attainment.status} />
                <Typography.Text>{ownTarget.attainment.explanation}</Typography.Text>
              </Flex>
            ) : (
              <Typography.Text type="secondary">
                Kế hoạch của đơn vị không có chỉ tiêu cho chỉ số này.
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {comparison.isError && (
        <QueryError title="Không tải được tình trạng chỉ tiêu." error={comparison.error} />
      )}
      {comparison.data && <TargetsSummary view={comparison.data} unitId={unitId} lookup={lookup} />}
    </Flex>
  );
}
