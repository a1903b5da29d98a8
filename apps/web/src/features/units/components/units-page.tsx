import { Alert, Button, Flex, Typography } from 'antd';
import { useProvinces } from '../api/list-provinces';
import { useUnits } from '../api/list-units';
import { useUnitFilters } from '../hooks/use-unit-filters';
import { UnitsFilters } from './units-filters';
import { DEMO_TAG, UnitsTable } from './units-table';

/** Đơn vị: the administrative units with their class in a year, filtered from the URL. */
export function UnitsPage() {
  const { filters, setFilters, clearFilters } = useUnitFilters();
  const unitsQuery = useUnits(filters);
  const provincesQuery = useProvinces();
  const units = unitsQuery.data ?? [];
  const hasDemoUnits = units.some((unit) => unit.isDemo);

  return (
    <Flex vertical gap="middle">
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          Đơn vị hành chính
        </Typography.Title>
        <Typography.Text type="secondary">
          Danh sách đơn vị và phân loại đơn vị hành chính theo năm {filters.year}.
        </Typography.Text>
      </div>
      <UnitsFilters
        filters={filters}
        provinces={provincesQuery.data ?? []}
        provincesLoading={provincesQuery.isPending}
        onChange={setFilters}
        onClear={clearFilters}
      />
      {provincesQuery.isError && (
        <Alert
          type="warning"
          showIcon
          title="Không tải được danh sách tỉnh/thành; cột Tỉnh/thành hiển thị mã tỉnh."
          description={provincesQuery.error.message}
        />
      )}
      {unitsQuery.isError && (
        <Alert
          type="error"
          showIcon
          title="Không tải được danh sách đơn vị."
          description={unitsQuery.error.message}
          action={
            <Button size="small" onClick={() => void unitsQuery.refetch()}>
              Thử lại
            </Button>
          }
        />
      )}
      {hasDemoUnits && (
        <Alert
          type="info"
          showIcon
          title={`Các đơn vị gắn nhãn “${DEMO_TAG}” thuộc bộ dữ liệu sinh tự động để minh họa, không phải số liệu thật.`}
        />
      )}
      <UnitsTable
        // A new filter starts again from the first page with every row collapsed.
        key={JSON.stringify(filters)}
        units={units}
        provinces={provincesQuery.data ?? []}
        loading={unitsQuery.isFetching}
        pending={unitsQuery.isPending}
      />
    </Flex>
  );
}
