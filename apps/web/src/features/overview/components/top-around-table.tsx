import type { TIndicator, TRankedRow } from '@commune-bench/domain';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ChangeCell } from '../../rankings/components/league-table';
import { formatRankedValue } from '../../rankings/utils/ranking-display';

type Item = { kind: 'row'; row: TRankedRow } | { kind: 'gap'; key: string };

/**
 * Rows in rank order with a `…` line where rows are skipped (top 10, then my commune ±3). A jump
 * in rank after tied rows (2, 2, then 4) is no gap.
 */
export function withGaps(rows: readonly TRankedRow[]): Item[] {
  const items: Item[] = [];
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    if (previous) {
      const tied = rows.filter((each) => each.rank === previous.rank).length;
      if (row.rank > previous.rank + tied) items.push({ kind: 'gap', key: `gap-${index}` });
    }
    items.push({ kind: 'row', row });
  });
  return items;
}

export function TopAroundTable({
  rows,
  ownUnitId,
  indicator,
}: {
  rows: readonly TRankedRow[];
  ownUnitId: string;
  indicator: TIndicator | undefined;
}) {
  const columns: TableColumnsType<Item> = [
    {
      title: 'Hạng',
      key: 'rank',
      width: 70,
      onCell: (item) => (item.kind === 'gap' ? { colSpan: 4 } : {}),
      render: (_value, item) =>
        item.kind === 'gap' ? <Typography.Text type="secondary">…</Typography.Text> : item.row.rank,
    },
    {
      title: 'Thay đổi',
      key: 'change',
      width: 90,
      onCell: (item) => (item.kind === 'gap' ? { colSpan: 0 } : {}),
      render: (_value, item) => (item.kind === 'row' ? <ChangeCell row={item.row} /> : null),
    },
    {
      title: 'Đơn vị',
      key: 'unit',
      onCell: (item) => (item.kind === 'gap' ? { colSpan: 0 } : {}),
      render: (_value, item) =>
        item.kind === 'row' ? (
          <>
            <Typography.Text strong={item.row.unitId === ownUnitId}>
              {item.row.unitName}
            </Typography.Text>
            {item.row.unitId === ownUnitId && (
              <Tag color="gold" style={{ marginInlineStart: 8 }}>
                Đơn vị của bạn
              </Tag>
            )}
          </>
        ) : null,
    },
    {
      title: 'Giá trị',
      key: 'value',
      align: 'right',
      width: 120,
      onCell: (item) => (item.kind === 'gap' ? { colSpan: 0 } : {}),
      render: (_value, item) =>
        item.kind === 'row' ? formatRankedValue(item.row, indicator) : null,
    },
  ];
  return (
    <Table<Item>
      aria-label="Top 10 và các đơn vị quanh đơn vị của bạn"
      size="small"
      pagination={false}
      rowKey={(item) => (item.kind === 'row' ? item.row.unitId : item.key)}
      columns={columns}
      dataSource={withGaps(rows)}
      rowClassName={(item) =>
        item.kind === 'row' && item.row.unitId === ownUnitId ? 'league-row-own' : ''
      }
    />
  );
}
