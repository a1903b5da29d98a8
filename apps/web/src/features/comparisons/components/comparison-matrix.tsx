import {
  REFORM_AREA_NAMES_VI,
  formatIndicatorValue,
  formatPeriodVi,
  formatTargetVi,
  formatUnitNameVi,
  type TAttainmentStatus,
  type TComparator,
  type TComparisonCell,
  type TComparisonView,
  type TIndicator,
} from '@commune-bench/domain';
import { Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { AttainmentTag } from '../../../components/attainment-tag';
import { matrixItems, type MatrixItem } from '../utils/comparison-matrix';

/** Light backgrounds by status, so a column reads at a glance. */
export const STATUS_BACKGROUNDS: Record<TAttainmentStatus, string> = {
  met: '#f6ffed',
  on_track: '#e6f4ff',
  off_track: '#fff7e6',
  not_met: '#fff1f0',
  no_data: '#fafafa',
  not_applicable: '#fafafa',
};

const RANK_COMPARATORS: readonly TComparator[] = ['top_n', 'better_rank'];

interface ComparisonMatrixProps {
  view: TComparisonView;
  lookup: (code: string) => TIndicator | undefined;
  loading: boolean;
}

export function MatrixCell({
  cell,
  indicator,
}: {
  cell: TComparisonCell | undefined;
  indicator: TIndicator | undefined;
}) {
  if (!cell?.target) {
    return <Typography.Text type="secondary">Không có chỉ tiêu</Typography.Text>;
  }
  const { target, attainment } = cell;
  const display = indicator ?? { unit: target.unit, precision: 2 };
  // Rank targets are judged on the rank, not the indicator's value.
  const actualDisplay = RANK_COMPARATORS.includes(target.comparator)
    ? ({ unit: 'rank', precision: 0 } as const)
    : display;
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>
        {formatTargetVi(target, display)}
        <Typography.Text type="secondary"> · hạn {target.dueYear}</Typography.Text>
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {target.label}
      </Typography.Text>
      <Typography.Text>
        {attainment?.actual !== null && attainment?.actual !== undefined
          ? `Kết quả: ${formatIndicatorValue(attainment.actual, actualDisplay)}${attainment.actualPeriod ? ` (${formatPeriodVi(attainment.actualPeriod)})` : ''}`
          : 'Chưa có kết quả'}
      </Typography.Text>
      <Flex gap={4} wrap>
        {attainment && (
          <AttainmentTag status={attainment.status} explanation={attainment.explanation} />
        )}
        {cell.mostAmbitious && (
          <Tooltip title="Chỉ tiêu cao nhất (tham vọng nhất) trong các đơn vị được so sánh">
            <Tag color="purple">▲ Cao nhất</Tag>
          </Tooltip>
        )}
        {cell.leastAmbitious && (
          <Tooltip title="Chỉ tiêu thấp nhất trong các đơn vị được so sánh">
            <Tag color="volcano">▼ Thấp nhất</Tag>
          </Tooltip>
        )}
        {target.aspirational && <Tag>Phấn đấu</Tag>}
      </Flex>
    </Flex>
  );
}

/** Targets and latest results of the units side by side, by reform area. */
export function ComparisonMatrix({ view, lookup, loading }: ComparisonMatrixProps) {
  const items = useMemo(() => matrixItems(view), [view]);
  const columns = useMemo<TableColumnsType<MatrixItem>>(() => {
    const span = view.units.length + 1;
    return [
      {
        title: 'Chỉ số',
        key: 'indicator',
        fixed: 'left',
        width: 260,
        onCell: (item) => (item.kind === 'area' ? { colSpan: span } : {}),
        render: (_value, item) =>
          item.kind === 'area' ? (
            <Typography.Text strong>
              {REFORM_AREA_NAMES_VI[item.area]} ({item.count} chỉ số)
            </Typography.Text>
          ) : (
            <Flex vertical>
              <Typography.Text>
                {lookup(item.row.indicatorCode)?.nameVi ?? item.row.indicatorCode}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.row.indicatorCode}
              </Typography.Text>
            </Flex>
          ),
      },
      ...view.units.map((unit) => ({
        title: formatUnitNameVi(unit),
        key: unit.id,
        width: 240,
        onCell: (item: MatrixItem) => {
          if (item.kind === 'area') return { colSpan: 0 };
          const status = item.row.cells.find((cell) => cell.unitId === unit.id)?.attainment?.status;
          return status ? { style: { background: STATUS_BACKGROUNDS[status] } } : {};
        },
        render: (_value: unknown, item: MatrixItem) =>
          item.kind === 'area' ? null : (
            <MatrixCell
              cell={item.row.cells.find((cell) => cell.unitId === unit.id)}
              indicator={lookup(item.row.indicatorCode)}
            />
          ),
      })),
    ];
  }, [view, lookup]);

  return (
    <Table<MatrixItem>
      aria-label="Ma trận so sánh chỉ tiêu"
      rowKey="key"
      size="small"
      bordered
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 260 + view.units.length * 240 }}
      rowClassName={(item) => (item.kind === 'area' ? 'matrix-area-row' : '')}
      locale={{ emptyText: 'Các đơn vị chưa có chỉ tiêu nào cho kỳ này' }}
    />
  );
}
