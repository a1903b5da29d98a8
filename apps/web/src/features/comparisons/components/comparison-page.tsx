import { Alert, Card, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../../components/echart';
import { PageTitle } from '../../../components/page-title';
import { PeriodSelect } from '../../../components/period-select';
import { QueryError } from '../../../components/query-error';
import { useIndicatorLookup } from '../../indicators/api/list-indicators';
import { IndicatorSelect } from '../../indicators/components/indicator-select';
import { ExportButtons } from '../../reports/components/export-buttons';
import { UnitSelect } from '../../units/components/unit-select';
import { useSelectableUnits } from '../../units/hooks/use-selectable-units';
import { comparisonQueryParameters, useComparison } from '../api/get-comparison';
import {
  MAX_COMPARED_UNITS,
  MIN_COMPARED_UNITS,
  useComparisonFilters,
} from '../hooks/use-comparison-filters';
import { comparisonChartOption } from '../utils/comparison-chart-option';
import { chartableIndicators } from '../utils/comparison-matrix';
import { ComparisonMatrix } from './comparison-matrix';

/** So sánh: 2–6 units' targets and attainment side by side, by reform area. */
export function ComparisonPage() {
  const { filters, setFilters } = useComparisonFilters();
  const selectable = useSelectableUnits();
  const lookup = useIndicatorLookup();
  const enough = filters.unitIds.length >= MIN_COMPARED_UNITS;
  const params = { unitIds: filters.unitIds, period: filters.period };
  const comparison = useComparison(params, { enabled: enough });
  const view = enough ? comparison.data : undefined;

  const chartable = useMemo(() => (view ? chartableIndicators(view) : []), [view]);
  const chartIndicator =
    filters.chart !== undefined && chartable.includes(filters.chart) ? filters.chart : chartable[0];
  const chartOption = useMemo(
    () =>
      view && chartIndicator
        ? comparisonChartOption(view, chartIndicator, lookup(chartIndicator))
        : null,
    [view, chartIndicator, lookup],
  );

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title="So sánh kế hoạch"
        subtitle="Chỉ tiêu, kết quả gần nhất và mức độ đạt của các đơn vị, theo lĩnh vực cải cách hành chính."
      />
      <Flex wrap gap="small" role="search" aria-label="Chọn đơn vị so sánh">
        <UnitSelect
          mode="multiple"
          max={MAX_COMPARED_UNITS}
          units={selectable.units}
          loading={selectable.isPending}
          value={filters.unitIds}
          onChange={(unitIds) => setFilters({ unitIds })}
          ariaLabel="Đơn vị so sánh"
          placeholder={`Chọn ${MIN_COMPARED_UNITS}–${MAX_COMPARED_UNITS} đơn vị (gõ tên không dấu cũng được)`}
          width={560}
        />
        <PeriodSelect value={filters.period} onChange={(period) => setFilters({ period })} />
      </Flex>
      {!enough && (
        <Alert
          type="info"
          showIcon
          title={`Chọn từ ${MIN_COMPARED_UNITS} đến ${MAX_COMPARED_UNITS} đơn vị để so sánh.`}
        />
      )}
      {enough && comparison.isError && (
        <QueryError
          title="Không tải được bảng so sánh."
          error={comparison.error}
          onRetry={() => void comparison.refetch()}
        />
      )}
      {view && (
        <>
          <ExportButtons kind="comparison" parameters={comparisonQueryParameters(params)} />
          <ComparisonMatrix view={view} lookup={lookup} loading={comparison.isFetching} />
          <Card
            size="small"
            title="Biểu đồ một chỉ số giữa các đơn vị"
            extra={
              chartable.length > 0 && (
                <IndicatorSelect
                  ariaLabel="Chỉ số trên biểu đồ"
                  only={chartable}
                  value={chartIndicator}
                  onChange={(chart) => setFilters({ chart })}
                  width={360}
                />
              )
            }
          >
            {chartOption ? (
              <EChart
                option={chartOption}
                height={320}
                label={`Biểu đồ cột: kết quả và chỉ tiêu ${lookup(chartIndicator ?? '')?.nameVi ?? ''} của ${view.units.length} đơn vị`}
              />
            ) : (
              <Typography.Text type="secondary">
                Chưa có chỉ số nào có số liệu để vẽ.
              </Typography.Text>
            )}
          </Card>
        </>
      )}
    </Flex>
  );
}
