import { type TUnitClassification } from '@commune-bench/domain';
import {
  Alert,
  Card,
  Descriptions,
  Flex,
  List,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { AppLink } from '../../../components/app-link';
import { PageTitle } from '../../../components/page-title';
import { ApiError } from '../../../lib/api-client';
import { buildPath } from '../../../lib/router';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { useUnit } from '../api/get-unit';
import { useProvinces } from '../api/list-provinces';
import { useUnits } from '../api/list-units';
import { defaultUnitYear } from '../hooks/use-unit-filters';
import {
  capitalizeFirst,
  formatProvinceName,
  formatUnitName,
  formatValidity,
  UNIT_TYPE_WORDS,
} from '../utils/unit-labels';
import { CLASSIFICATION_COLUMNS } from './unit-details';

/** One unit: its details, classification history and lineage (what it was merged into or from). */
export function UnitPage({ unitId }: { unitId: string }) {
  const user = useCurrentUser();
  const unitQuery = useUnit(unitId);
  const unit = unitQuery.data;
  const provinces = useProvinces().data ?? [];
  const mergedInto = useUnit(unit?.mergedIntoId ?? undefined).data;
  const units = useUnits({ year: defaultUnitYear() }).data ?? [];
  const predecessors = units.filter((each) => each.mergedIntoId === unitId);

  if (unitQuery.isError) {
    const status = unitQuery.error instanceof ApiError ? unitQuery.error.status : 0;
    return (
      <Result
        status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
        title={
          status === 403
            ? 'Bạn không có quyền xem đơn vị này'
            : status === 404
              ? 'Không tìm thấy đơn vị'
              : 'Không tải được đơn vị'
        }
        subTitle={unitQuery.error.message}
        extra={<AppLink to="/units">Về danh sách đơn vị</AppLink>}
      />
    );
  }
  if (!unit) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin description="Đang tải đơn vị…" />
      </Flex>
    );
  }
  const history = [...unit.classifications].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  const provincesByCode = new Map(provinces.map((province) => [province.code, province]));

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={capitalizeFirst(formatUnitName(unit))}
        subtitle={formatProvinceName(unit.provinceCode, provincesByCode)}
        extra={
          <Space wrap>
            <AppLink to={buildPath('/plans', { unit: unit.id })}>Kế hoạch</AppLink>
            <AppLink to={buildPath('/results', { unit: unit.id, tab: 'entry' })}>Kết quả</AppLink>
            {user.role !== 'commune_staff' && (
              <AppLink to={buildPath('/compare', { units: unit.id })}>So sánh</AppLink>
            )}
          </Space>
        }
      />
      {unit.isDemo && (
        <Alert
          type="info"
          showIcon
          title="Đơn vị thuộc bộ dữ liệu sinh tự động để minh họa, không phải số liệu thật."
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, lg: 2 }}
        items={[
          { key: 'code', label: 'Mã đơn vị', children: unit.code },
          {
            key: 'type',
            label: 'Loại hình',
            children: capitalizeFirst(UNIT_TYPE_WORDS[unit.type]),
          },
          { key: 'parent', label: 'Trực thuộc (trước sắp xếp)', children: unit.parentName ?? '—' },
          {
            key: 'validity',
            label: 'Hiệu lực',
            children: (
              <Space>
                {formatValidity(unit.validFrom, unit.validTo)}
                {unit.validTo !== null && <Tag>Đã sắp xếp</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <Card
        size="small"
        title="Quá trình hình thành, sắp xếp"
        role="region"
        aria-label="Quá trình hình thành, sắp xếp"
      >
        <List
          size="small"
          dataSource={[
            {
              key: 'into',
              label: 'Sắp xếp vào',
              content: unit.mergedIntoId ? (
                <AppLink to={`/units/${unit.mergedIntoId}`}>
                  {mergedInto ? formatUnitName(mergedInto) : 'đơn vị mới'}
                </AppLink>
              ) : unit.validTo !== null ? (
                'Đã thôi hoạt động; chưa có thông tin đơn vị tiếp nhận'
              ) : (
                'Đang hoạt động'
              ),
            },
            {
              key: 'from',
              label: 'Hình thành từ',
              content:
                predecessors.length > 0 ? (
                  <Space wrap>
                    {predecessors.map((each) => (
                      <AppLink key={each.id} to={`/units/${each.id}`}>
                        {formatUnitName(each)}
                      </AppLink>
                    ))}
                  </Space>
                ) : (
                  'Không có thông tin về đơn vị cũ sắp xếp vào đơn vị này'
                ),
            },
          ]}
          renderItem={(item) => (
            <List.Item style={{ justifyContent: 'flex-start', gap: 16 }}>
              <Typography.Text strong style={{ minWidth: 140 }}>
                {item.label}
              </Typography.Text>
              <span>{item.content}</span>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="Lịch sử phân loại">
        <Table<TUnitClassification>
          size="small"
          pagination={false}
          columns={CLASSIFICATION_COLUMNS}
          dataSource={history}
          rowKey={(classification) => `${classification.class}-${classification.validFrom}`}
          locale={{ emptyText: 'Chưa có thông tin phân loại' }}
        />
      </Card>
      <Typography.Paragraph>
        <Typography.Text strong>Ghi chú:</Typography.Text> {unit.notes ?? 'Không có'}
      </Typography.Paragraph>
    </Flex>
  );
}
