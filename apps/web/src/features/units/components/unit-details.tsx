import { type TUnitClassification, type TUnitListItem } from '@commune-bench/domain';
import { Table, Typography, type TableColumnsType } from 'antd';
import { NO_VALUE, formatUnitClass, formatUnitName, formatValidity } from '../utils/unit-labels';

interface UnitDetailsProps {
  unit: TUnitListItem;
  /** The rows on screen, to name the unit this one was merged into when it is among them. */
  units: readonly TUnitListItem[];
}

export const CLASSIFICATION_COLUMNS: TableColumnsType<TUnitClassification> = [
  {
    title: 'Phân loại',
    key: 'class',
    render: (_value, classification) => formatUnitClass(classification.class),
  },
  {
    title: 'Căn cứ',
    key: 'basis',
    render: (_value, classification) => (
      <>
        {classification.basis ?? NO_VALUE}
        {classification.decisionNo !== null && (
          <div>
            <Typography.Text type="secondary">
              Số văn bản: {classification.decisionNo}
            </Typography.Text>
          </div>
        )}
      </>
    ),
  },
  {
    title: 'Thời gian áp dụng',
    key: 'validity',
    render: (_value, classification) =>
      formatValidity(classification.validFrom, classification.validTo),
  },
];

export function UnitDetails({ unit, units }: UnitDetailsProps) {
  // ISO dates sort as text.
  const history = [...unit.classifications].sort((a, b) =>
    a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
  );
  const mergedInto =
    unit.mergedIntoId === null ? undefined : units.find((other) => other.id === unit.mergedIntoId);

  return (
    <section aria-label={`Chi tiết ${formatUnitName(unit)}`}>
      <Typography.Paragraph>
        <Typography.Text strong>Mã đơn vị:</Typography.Text> {unit.code}
        {mergedInto !== undefined && (
          <>
            {' · '}
            <Typography.Text strong>Sắp xếp vào:</Typography.Text> {formatUnitName(mergedInto)}
          </>
        )}
      </Typography.Paragraph>
      <Typography.Title level={5}>Lịch sử phân loại</Typography.Title>
      <Table<TUnitClassification>
        size="small"
        pagination={false}
        columns={CLASSIFICATION_COLUMNS}
        dataSource={history}
        rowKey={(classification) => `${classification.class}-${classification.validFrom}`}
        locale={{ emptyText: 'Chưa có thông tin phân loại' }}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        <Typography.Text strong>Ghi chú:</Typography.Text> {unit.notes ?? 'Không có'}
      </Typography.Paragraph>
    </section>
  );
}
