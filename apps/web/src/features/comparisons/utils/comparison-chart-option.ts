import {
  formatIndicatorValue,
  formatUnitNameVi,
  type TComparisonView,
  type TIndicator,
} from '@commune-bench/domain';
import type { ChartOption } from '../../../components/echart';

/** One indicator across the units: the latest result as bars, each unit's target as a marker. */
export function comparisonChartOption(
  view: TComparisonView,
  indicatorCode: string,
  indicator: TIndicator | undefined,
): ChartOption {
  const row = view.rows.find((each) => each.indicatorCode === indicatorCode);
  const cells = view.units.map((unit) => row?.cells.find((cell) => cell.unitId === unit.id));
  const format = (value: number) =>
    indicator ? formatIndicatorValue(value, indicator) : String(value).replace('.', ',');
  return {
    animation: false,
    legend: { top: 0, data: ['Kết quả gần nhất', 'Chỉ tiêu'] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: view.units.map((unit) => formatUnitNameVi(unit)),
      axisLabel: { interval: 0, width: 110, overflow: 'break' },
    },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'bar',
        name: 'Kết quả gần nhất',
        barMaxWidth: 48,
        itemStyle: { color: '#1677ff' },
        data: cells.map((cell) =>
          cell?.target && ['top_n', 'better_rank'].includes(cell.target.comparator)
            ? null
            : (cell?.attainment?.actual ?? null),
        ),
        label: {
          show: true,
          position: 'top',
          formatter: (params: { value: unknown }) =>
            typeof params.value === 'number' ? format(params.value) : '',
        },
      },
      {
        type: 'scatter',
        name: 'Chỉ tiêu',
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: '#d4380d' },
        // Rank targets (top 10) are not on the indicator's scale.
        data: cells.map((cell) =>
          cell?.target && !['top_n', 'better_rank'].includes(cell.target.comparator)
            ? cell.target.value
            : null,
        ),
      },
    ],
  };
}
