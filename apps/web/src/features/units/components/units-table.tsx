import { compareVi, type TProvince, type TUnitListItem } from '@commune-bench/domain';
import { Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import {
  formatProvinceName,
  formatUnitClass,
  formatUnitName,
  formatValidity,
} from '../utils/unit-labels';
import { AppLink } from '../../../components/app-link';
import { UnitDetails } from './unit-details';

interface UnitsTableProps {
  units: readonly TUnitListItem[];
  provinces: readonly TProvince[];
  loading: boolean;
  /** True until the first answer: the empty state is not shown before there is one. */
  pending: boolean;
}

export const DEMO_TAG = 'Dữ liệu minh họa';
export const REORGANISED_TAG = 'Đã sắp xếp';
export const EMPTY_UNITS = 'Không có đơn vị phù hợp';

export function UnitsTable({ units, provinces, loading, pending }: UnitsTableProps) {
  const provincesByCode = useMemo(
    () => new Map(provinces.map((province) => [province.code, province])),
    [provinces],
  );

  const columns = useMemo<TableColumnsType<TUnitListItem>>(
    () => [
      {
        title: 'Tên đơn vị',
        key: 'name',
        sorter: (a, b) => compareVi(a.name, b.name),
        render: (_value, unit) => (
          <Space orientation="vertical" size={0}>
            <Space size="small" wrap>
              <AppLink to={`/units/${unit.id}`} strong>
                {formatUnitName(unit)}
              </AppLink>
              {unit.isDemo && (
                <Tag color="orange" title="Đơn vị thuộc bộ dữ liệu sinh tự động để minh họa">
                  {DEMO_TAG}
                </Tag>
              )}
            </Space>
            {unit.parentName !== null && (
              <Typography.Text type="secondary">thuộc {unit.parentName}</Typography.Text>
            )}
          </Space>
        ),
      },
      {
        title: 'Tỉnh/thành',
        key: 'province',
        render: (_value, unit) => formatProvinceName(unit.provinceCode, provincesByCode),
      },
      {
        title: 'Loại',
        key: 'class',
        render: (_value, unit) => formatUnitClass(unit.classInYear),
      },
      {
        title: 'Hiệu lực',
        key: 'validity',
        render: (_value, unit) => (
          <Space size="small" wrap>
            <span>{formatValidity(unit.validFrom, unit.validTo)}</span>
            {unit.validTo !== null && <Tag>{REORGANISED_TAG}</Tag>}
          </Space>
        ),
      },
    ],
    [provincesByCode],
  );

  return (
    <Table<TUnitListItem>
      rowKey="id"
      columns={columns}
      dataSource={units}
      loading={{ spinning: loading, description: 'Đang tải danh sách đơn vị…' }}
      locale={{
        emptyText: pending ? (
          ' '
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={EMPTY_UNITS} />
        ),
      }}
      pagination={{
        defaultPageSize: 20,
        showSizeChanger: true,
        hideOnSinglePage: true,
        showTotal: (total) => `${total} đơn vị`,
      }}
      expandable={{
        expandedRowRender: (unit) => <UnitDetails unit={unit} units={units} />,
      }}
    />
  );
}
