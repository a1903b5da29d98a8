import {
  canVerify,
  formatDateVi,
  formatIndicatorValue,
  formatPeriodVi,
  formatUnitNameVi,
  type TMe,
  type TResultView,
  type TUnitWithClassifications,
} from '@commune-bench/domain';
import {
  App,
  Button,
  Flex,
  Input,
  Modal,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { ApiError } from '../../../lib/api-client';
import { useIndicatorLookup } from '../../indicators/api/list-indicators';
import { useResults } from '../api/list-results';
import { useTransitionResult } from '../api/transition-result';

interface ReviewQueueProps {
  user: TMe;
  units: readonly TUnitWithClassifications[];
  unitId: string | undefined;
  period: string | undefined;
  indicator: string | undefined;
}

const MIN_REASON = 3;

/** Chờ thẩm định: submitted results in scope, to verify or return with a reason. */
export function ReviewQueue({ user, units, unitId, period, indicator }: ReviewQueueProps) {
  const { message } = App.useApp();
  const lookup = useIndicatorLookup();
  const queue = useResults({ status: 'submitted', unitId, period, indicator });
  const transition = useTransitionResult();
  const [returning, setReturning] = useState<TResultView | null>(null);
  const [reason, setReason] = useState('');
  const unitsById = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);

  const act = (result: TResultView, action: 'verify' | 'return', why?: string) => {
    const input =
      action === 'return'
        ? { action, id: result.id, version: result.version, reason: why ?? '' }
        : { action, id: result.id, version: result.version };
    transition.mutate(input, {
      onSuccess: () => {
        void message.success(action === 'verify' ? 'Đã thẩm định kết quả.' : 'Đã trả lại kết quả.');
        setReturning(null);
        setReason('');
      },
      onError: (error) => {
        void message.error(
          error instanceof ApiError && error.status === 409
            ? `${error.message} Danh sách đã được tải lại.`
            : error.message,
        );
      },
    });
  };

  const columns: TableColumnsType<TResultView> = [
    {
      title: 'Đơn vị',
      key: 'unit',
      render: (_value, result) => {
        const unit = unitsById.get(result.unitId);
        return unit ? formatUnitNameVi(unit) : result.unitId;
      },
    },
    {
      title: 'Chỉ số',
      key: 'indicator',
      render: (_value, result) => lookup(result.indicatorCode)?.nameVi ?? result.indicatorCode,
    },
    {
      title: 'Kỳ',
      key: 'period',
      width: 140,
      render: (_value, result) => formatPeriodVi(result.period),
    },
    {
      title: 'Giá trị',
      key: 'value',
      align: 'right',
      width: 110,
      render: (_value, result) => {
        const found = lookup(result.indicatorCode);
        return result.value === null
          ? '—'
          : found
            ? formatIndicatorValue(result.value, found)
            : result.value;
      },
    },
    {
      title: 'Nguồn',
      key: 'source',
      render: (_value, result) => (
        <Typography.Text type="secondary">{result.source ?? '—'}</Typography.Text>
      ),
    },
    {
      title: 'Cập nhật',
      key: 'updated',
      width: 190,
      render: (_value, result) => formatDateVi(new Date(result.updatedAt)),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 190,
      render: (_value, result) => {
        const unit = unitsById.get(result.unitId);
        if (!canVerify(user, { id: result.unitId, provinceCode: unit?.provinceCode ?? null }))
          return null;
        return (
          <Space size={4}>
            <Button
              size="small"
              type="primary"
              loading={
                transition.isPending &&
                transition.variables.id === result.id &&
                transition.variables.action === 'verify'
              }
              onClick={() => act(result, 'verify')}
            >
              Thẩm định
            </Button>
            <Button size="small" danger onClick={() => setReturning(result)}>
              Trả lại
            </Button>
          </Space>
        );
      },
    },
  ];

  if (queue.isError)
    return (
      <QueryError
        title="Không tải được danh sách chờ thẩm định."
        error={queue.error}
        onRetry={() => void queue.refetch()}
      />
    );

  return (
    <Flex vertical gap="small">
      <Table<TResultView>
        aria-label="Kết quả chờ thẩm định"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={queue.data ?? []}
        loading={queue.isFetching}
        pagination={{
          pageSize: 20,
          hideOnSinglePage: true,
          showTotal: (total) => `${total} kết quả chờ thẩm định`,
        }}
        locale={{ emptyText: 'Không có kết quả nào chờ thẩm định' }}
      />
      <Modal
        open={returning !== null}
        title="Trả lại kết quả"
        okText="Trả lại"
        cancelText="Hủy"
        okButtonProps={{
          danger: true,
          disabled: reason.trim().length < MIN_REASON,
          loading: transition.isPending,
        }}
        onOk={() => returning && act(returning, 'return', reason.trim())}
        onCancel={() => {
          setReturning(null);
          setReason('');
        }}
      >
        <Typography.Paragraph>Nêu lý do để đơn vị sửa và gửi lại.</Typography.Paragraph>
        <Input.TextArea
          aria-label="Lý do trả lại"
          rows={4}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder="Ví dụ: Thiếu tài liệu kiểm chứng…"
        />
        {reason.trim().length > 0 && reason.trim().length < MIN_REASON && (
          <Typography.Text type="danger">Lý do cần ít nhất {MIN_REASON} ký tự.</Typography.Text>
        )}
      </Modal>
    </Flex>
  );
}
