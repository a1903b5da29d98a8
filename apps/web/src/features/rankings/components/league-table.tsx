import type { TComparisonCell, TIndicator, TRankedRow } from '@commune-bench/domain';
import { formatTargetVi } from '@commune-bench/domain';
import { Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { AttainmentTag } from '../../../components/attainment-tag';
import { describeChange, formatRankedValue, tiedRanks } from '../utils/ranking-display';

interface LeagueTableProps {
  rows: readonly TRankedRow[];
  indicator: TIndicator | undefined;
  /** The signed-in commune's unit: its row is bold. */
  ownUnitId: string | null;
  highlightTop: number;
  /** Each unit's own target and status (absent for the composite score). */
  targetCells?: ReadonlyMap<string, TComparisonCell>;
  showTargetColumn: boolean;
  targetsLoading?: boolean;
  loading: boolean;
}

const CHANGE_COLORS = { up: '#389e0d', down: '#cf1322', same: '#8c8c8c', new: '#1677ff', none: '' };

export function ChangeCell({ row }: { row: TRankedRow }) {
  const change = describeChange(row);
  if (change.kind === 'none') return null;
  if (change.kind === 'new') return <Tag color="blue">{change.text}</Tag>;
  return (
    <Tooltip title={change.label}>
      <span
        aria-label={change.label}
        data-change={change.kind}
        style={{ color: CHANGE_COLORS[change.kind], fontWeight: 600, whiteSpace: 'nowrap' }}
      >
        {change.text}
      </span>
    </Tooltip>
  );
}

export function LeagueTable({
  rows,
  indicator,
  ownUnitId,
  highlightTop,
  targetCells,
  showTargetColumn,
  targetsLoading,
  loading,
}: LeagueTableProps) {
  const ties = useMemo(() => tiedRanks(rows), [rows]);
  const columns = useMemo<TableColumnsType<TRankedRow>>(() => {
    const base: TableColumnsType<TRankedRow> = [
      {
        title: 'Hạng',
        key: 'rank',
        width: 90,
        render: (_value, row) => (
          <Space size={4}>
            <Typography.Text strong>{row.rank}</Typography.Text>
            {ties.has(row.rank) && (
              <Tooltip title="Đồng hạng: giá trị bằng nhau sau khi làm tròn">
                <Tag style={{ marginInlineEnd: 0 }}>đồng hạng</Tag>
              </Tooltip>
            )}
          </Space>
        ),
      },
      {
        title: 'Thay đổi',
        key: 'change',
        width: 100,
        render: (_value, row) => <ChangeCell row={row} />,
      },
      {
        title: 'Đơn vị',
        key: 'unit',
        render: (_value, row) => (
          <Space size="small" wrap>
            <Typography.Text strong={row.unitId === ownUnitId}>{row.unitName}</Typography.Text>
            {row.unitId === ownUnitId && <Tag color="gold">Đơn vị của bạn</Tag>}
            {row.provisional && (
              <Tooltip title="Kết quả đã gửi, chưa được thẩm định">
                <Tag color="orange">Tạm tính</Tag>
              </Tooltip>
            )}
          </Space>
        ),
      },
      {
        title: 'Giá trị',
        key: 'value',
        align: 'right',
        width: 140,
        render: (_value, row) => formatRankedValue(row, indicator),
      },
    ];
    if (showTargetColumn) {
      base.push({
        title: 'So với chỉ tiêu của đơn vị',
        key: 'target',
        render: (_value, row) => {
          const cell = targetCells?.get(row.unitId);
          if (!cell?.target) {
            return (
              <Typography.Text type="secondary">
                {targetsLoading ? 'Đang tải…' : 'Không có chỉ tiêu'}
              </Typography.Text>
            );
          }
          const display = indicator ?? { unit: cell.target.unit, precision: 2 };
          return (
            <Space size="small" wrap>
              {cell.attainment && (
                <AttainmentTag
                  status={cell.attainment.status}
                  explanation={cell.attainment.explanation}
                />
              )}
              <Typography.Text type="secondary">
                {formatTargetVi(cell.target, display)} (hạn {cell.target.dueYear})
              </Typography.Text>
            </Space>
          );
        },
      });
    }
    return base;
  }, [indicator, ownUnitId, showTargetColumn, targetCells, targetsLoading, ties]);

  return (
    <Table<TRankedRow>
      aria-label="Bảng xếp hạng"
      rowKey="unitId"
      size="middle"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      rowClassName={(row) =>
        [
          row.rank <= highlightTop ? 'league-row-top' : '',
          row.unitId === ownUnitId ? 'league-row-own' : '',
        ]
          .filter(Boolean)
          .join(' ')
      }
      locale={{ emptyText: 'Chưa có đơn vị nào được xếp hạng trong nhóm này' }}
    />
  );
}
