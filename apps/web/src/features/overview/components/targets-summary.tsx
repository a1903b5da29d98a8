import {
  ATTAINMENT_STATUSES,
  REFORM_AREA_NAMES_VI,
  formatTargetVi,
  type TAttainmentStatus,
  type TComparisonView,
  type TIndicator,
  type TTarget,
  type TAttainment,
} from '@commune-bench/domain';
import {
  Card,
  Col,
  Row,
  Segmented,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { AttainmentTag } from '../../../components/attainment-tag';
import { ATTAINMENT_COLORS, ATTAINMENT_LABELS } from '../../../lib/vi-labels';

interface TargetItem {
  key: string;
  indicatorCode: string;
  target: TTarget;
  attainment: TAttainment;
}

/** The statuses a commune follows; "not applicable" ones are counted with no data. */
const SHOWN: TAttainmentStatus[] = ['met', 'on_track', 'off_track', 'not_met', 'no_data'];

const STATISTIC_COLORS: Record<string, string> = {
  green: '#389e0d',
  blue: '#1677ff',
  orange: '#d46b08',
  red: '#cf1322',
  default: '#595959',
};

export function targetItems(view: TComparisonView, unitId: string): TargetItem[] {
  return view.rows.flatMap((row) => {
    const cell = row.cells.find((each) => each.unitId === unitId);
    if (!cell?.target || !cell.attainment) return [];
    return [
      {
        key: `${row.indicatorCode}-${cell.target.id ?? cell.target.dueYear}`,
        indicatorCode: row.indicatorCode,
        target: cell.target,
        attainment: {
          ...cell.attainment,
          status: cell.attainment.status === 'not_applicable' ? 'no_data' : cell.attainment.status,
        },
      },
    ];
  });
}

/** Which of my targets are met, on track, off track, not met, or without data. */
export function TargetsSummary({
  view,
  unitId,
  lookup,
}: {
  view: TComparisonView;
  unitId: string;
  lookup: (code: string) => TIndicator | undefined;
}) {
  const items = useMemo(() => targetItems(view, unitId), [view, unitId]);
  const [shown, setShown] = useState<TAttainmentStatus | 'all'>('all');
  const counts = useMemo(() => {
    const map = new Map<TAttainmentStatus, number>(ATTAINMENT_STATUSES.map((s) => [s, 0]));
    for (const item of items)
      map.set(item.attainment.status, (map.get(item.attainment.status) ?? 0) + 1);
    return map;
  }, [items]);
  const columns: TableColumnsType<TargetItem> = [
    {
      title: 'Chỉ tiêu',
      key: 'label',
      render: (_value, item) => (
        <>
          <Typography.Text>{item.target.label}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {(() => {
              const area = item.target.areaInPlan ?? lookup(item.indicatorCode)?.area;
              return area ? REFORM_AREA_NAMES_VI[area] : '';
            })()}
          </Typography.Text>
        </>
      ),
    },
    {
      title: 'Cam kết',
      key: 'target',
      width: 200,
      render: (_value, item) =>
        `${formatTargetVi(item.target, lookup(item.indicatorCode) ?? { unit: item.target.unit, precision: 2 })} (hạn ${item.target.dueYear})`,
    },
    {
      title: 'Tình trạng',
      key: 'status',
      width: 150,
      render: (_value, item) => <AttainmentTag status={item.attainment.status} />,
    },
    {
      title: 'Diễn giải',
      key: 'explanation',
      render: (_value, item) => (
        <Typography.Text type="secondary">{item.attainment.explanation}</Typography.Text>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={`Chỉ tiêu của đơn vị (${items.length})`}
      role="region"
      aria-label="Tình trạng chỉ tiêu"
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {SHOWN.map((status) => (
          <Col key={status} xs={12} md={8} lg={4}>
            <Statistic
              title={ATTAINMENT_LABELS[status]}
              value={counts.get(status) ?? 0}
              styles={{ content: { color: STATISTIC_COLORS[ATTAINMENT_COLORS[status]] } }}
            />
          </Col>
        ))}
      </Row>
      <Segmented<TAttainmentStatus | 'all'>
        value={shown}
        onChange={setShown}
        options={[
          { value: 'all', label: 'Tất cả' },
          ...SHOWN.map((status) => ({ value: status, label: ATTAINMENT_LABELS[status] })),
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<TargetItem>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={items.filter((item) => shown === 'all' || item.attainment.status === shown)}
        pagination={false}
        locale={{ emptyText: 'Không có chỉ tiêu nào' }}
      />
    </Card>
  );
}
