import type { TIndicator, TRankedRow } from '@commune-bench/domain';
import type { ChartOption } from '../../../components/echart';
import { formatRankedValue } from './ranking-display';

export const CHART_COLORS = { top: '#d48806', own: '#1677ff', other: '#bfbfbf' };

/** A horizontal bar per ranked unit, best on top: own unit blue, top-N gold, the rest grey. */
export function rankingChartOption(
  rows: readonly TRankedRow[],
  options: { indicator: TIndicator | undefined; ownUnitId: string | null; highlightTop: number },
): ChartOption {
  const ordered = [...rows].reverse();
  return {
    animation: false,
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      axisLabel: { formatter: (value: number) => String(value).replace('.', ',') },
    },
    yAxis: {
      type: 'category',
      data: ordered.map((row) => `${row.rank}. ${row.unitName}`),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: options.indicator?.nameVi ?? 'Giá trị',
        data: ordered.map((row) => ({
          value: row.value,
          itemStyle: {
            color:
              row.unitId === options.ownUnitId
                ? CHART_COLORS.own
                : row.rank <= options.highlightTop
                  ? CHART_COLORS.top
                  : CHART_COLORS.other,
          },
          label: {
            show: true,
            position: 'right',
            formatter: formatRankedValue(row, options.indicator),
          },
        })),
        barMaxWidth: 18,
      },
    ],
  };
}
