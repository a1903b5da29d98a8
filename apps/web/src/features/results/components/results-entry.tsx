import {
  canEditUnitData,
  canVerify,
  formatIndicatorValue,
  formatPeriodVi,
  type TMe,
  type TResultView,
  type TUnitRef,
} from '@commune-bench/domain';
import { useQueries } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Input,
  InputNumber,
  Modal,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { ApiError } from '../../../lib/api-client';
import { RESULT_STATUS_COLORS, RESULT_STATUS_LABELS } from '../../../lib/vi-labels';
import { useIndicatorLookup } from '../../indicators/api/list-indicators';
import { getPlanQueryOptions } from '../../plans/api/get-plan';
import { usePlans } from '../../plans/api/list-plans';
import { describeTarget } from '../../plans/utils/plan-labels';
import { useResults } from '../api/list-results';
import { currentOfConflict, useSaveResult } from '../api/save-result';
import { useTransitionResult } from '../api/transition-result';
import { entryRows, isLockedForStaff, plansForPeriod, type EntryRow } from '../utils/entry-rows';

interface ResultsEntryProps {
  user: TMe;
  unit: TUnitRef;
  period: string;
}

interface Draft {
  value: number | null;
  source: string;
}

interface Conflict {
  indicatorCode: string;
  kind: 'version_conflict' | 'result_locked';
  current: TResultView | null;
  mine: Draft;
}

function draftOf(result: TResultView | null): Draft {
  return { value: result?.value ?? null, source: result?.source ?? '' };
}

/** Nhập kết quả: the indicators the unit's plans target, for one period; save drafts, submit. */
export function ResultsEntry({ user, unit, period }: ResultsEntryProps) {
  const { message } = App.useApp();
  const lookup = useIndicatorLookup();
  const plans = usePlans(unit.id);
  const covering = useMemo(() => plansForPeriod(plans.data ?? [], period), [plans.data, period]);
  const details = useQueries({ queries: covering.map((plan) => getPlanQueryOptions(plan.id)) });
  const results = useResults({ unitId: unit.id, period });
  const save = useSaveResult();
  const transition = useTransitionResult();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const planDetails = details.flatMap((query) => (query.data ? [query.data] : []));
  const rows = entryRows(planDetails, results.data ?? [], period);
  const mayEdit = canEditUnitData(user, unit);
  const mayCorrect = canVerify(user, unit);

  const draft = (row: EntryRow): Draft => drafts[row.indicatorCode] ?? draftOf(row.result);
  const changed = (row: EntryRow): boolean => {
    const current = draft(row);
    const saved = draftOf(row.result);
    return current.value !== saved.value || current.source.trim() !== saved.source.trim();
  };
  const editable = (row: EntryRow): boolean =>
    mayEdit && (!isLockedForStaff(row.result) || mayCorrect);

  const clearDraft = (code: string) =>
    setDrafts((current) => {
      const { [code]: _dropped, ...rest } = current;
      return rest;
    });

  /** Saves the row's value; returns the saved result, or null when it stopped (conflict, error). */
  const saveRow = async (
    row: EntryRow,
    version: number | undefined = row.result?.version,
  ): Promise<TResultView | null> => {
    const mine = draft(row);
    try {
      const saved = await save.mutateAsync({
        unitId: unit.id,
        indicatorCode: row.indicatorCode,
        period,
        value: mine.value,
        source: mine.source.trim() === '' ? null : mine.source.trim(),
        ...(version !== undefined ? { version } : {}),
      });
      clearDraft(row.indicatorCode);
      return saved;
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.code === 'version_conflict' || error.code === 'result_locked')
      ) {
        setConflict({
          indicatorCode: row.indicatorCode,
          kind: error.code,
          current: currentOfConflict(error),
          mine,
        });
      } else {
        void message.error(error instanceof Error ? error.message : 'Không lưu được kết quả.');
      }
      return null;
    }
  };

  const onSave = async (row: EntryRow) => {
    setBusy(row.indicatorCode);
    const saved = await saveRow(row);
    setBusy(null);
    if (saved)
      void message.success(
        `Đã lưu nháp: ${lookup(row.indicatorCode)?.nameVi ?? row.indicatorCode}.`,
      );
  };

  const onSubmit = async (row: EntryRow) => {
    setBusy(row.indicatorCode);
    const saved = changed(row) || !row.result ? await saveRow(row) : row.result;
    if (saved) {
      try {
        await transition.mutateAsync({ action: 'submit', id: saved.id, version: saved.version });
        void message.success('Đã gửi kết quả để thẩm định.');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'version_conflict') {
          setConflict({
            indicatorCode: row.indicatorCode,
            kind: 'version_conflict',
            current: currentOfConflict(error),
            mine: draft(row),
          });
        } else {
          void message.error(error instanceof Error ? error.message : 'Không gửi được kết quả.');
        }
      }
    }
    setBusy(null);
  };

  const onSaveAll = async () => {
    setBusy('*');
    let count = 0;
    for (const row of rows.filter((each) => editable(each) && changed(each))) {
      if (await saveRow(row)) count += 1;
      else break;
    }
    setBusy(null);
    if (count > 0) void message.success(`Đã lưu ${count} kết quả.`);
  };

  const columns: TableColumnsType<EntryRow> = [
    {
      title: 'Chỉ số',
      key: 'indicator',
      render: (_value, row) => (
        <Flex vertical>
          <Typography.Text>
            {lookup(row.indicatorCode)?.nameVi ?? row.indicatorCode}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.indicatorCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: 'Chỉ tiêu',
      key: 'target',
      width: 220,
      render: (_value, row) =>
        row.target ? (
          <Typography.Text type="secondary">
            {describeTarget(row.target, lookup(row.indicatorCode))} (hạn {row.target.dueYear})
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">Không có chỉ tiêu</Typography.Text>
        ),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      width: 200,
      render: (_value, row) =>
        row.result ? (
          <Flex vertical gap={2} align="flex-start">
            <Tag color={RESULT_STATUS_COLORS[row.result.status]}>
              {RESULT_STATUS_LABELS[row.result.status]}
            </Tag>
            {row.result.status === 'returned' && row.result.returnReason && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                Lý do: {row.result.returnReason}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          <Tag>Chưa nhập</Tag>
        ),
    },
    {
      title: 'Giá trị',
      key: 'value',
      width: 170,
      render: (_value, row) => {
        const indicator = lookup(row.indicatorCode);
        if (!editable(row)) {
          return row.result?.value !== null && row.result?.value !== undefined && indicator
            ? formatIndicatorValue(row.result.value, indicator)
            : '—';
        }
        return (
          <InputNumber<number>
            aria-label={`Giá trị ${indicator?.nameVi ?? row.indicatorCode}`}
            value={draft(row).value}
            decimalSeparator=","
            precision={indicator?.precision}
            suffix={indicator?.unit === 'percent' ? '%' : undefined}
            style={{ width: '100%' }}
            onChange={(value) =>
              setDrafts((current) => ({
                ...current,
                [row.indicatorCode]: { ...draft(row), value: value ?? null },
              }))
            }
          />
        );
      },
    },
    {
      title: 'Nguồn số liệu',
      key: 'source',
      width: 200,
      render: (_value, row) =>
        editable(row) ? (
          <Input
            aria-label={`Nguồn ${lookup(row.indicatorCode)?.nameVi ?? row.indicatorCode}`}
            value={draft(row).source}
            placeholder="Báo cáo, hệ thống…"
            onChange={(event) =>
              setDrafts((current) => ({
                ...current,
                [row.indicatorCode]: { ...draft(row), source: event.target.value },
              }))
            }
          />
        ) : (
          <Typography.Text type="secondary">{row.result?.source ?? '—'}</Typography.Text>
        ),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 210,
      render: (_value, row) => {
        if (!editable(row)) return <Typography.Text type="secondary">Đã khóa</Typography.Text>;
        const canSubmit =
          (row.result === null ||
            row.result.status === 'draft' ||
            row.result.status === 'returned') &&
          draft(row).value !== null;
        return (
          <Space size={4} wrap>
            <Button
              size="small"
              disabled={!changed(row) || busy !== null}
              loading={busy === row.indicatorCode && save.isPending && !transition.isPending}
              onClick={() => void onSave(row)}
            >
              Lưu nháp
            </Button>
            {canSubmit && (
              <Button
                size="small"
                type="primary"
                disabled={busy !== null && busy !== row.indicatorCode}
                loading={busy === row.indicatorCode && transition.isPending}
                onClick={() => void onSubmit(row)}
              >
                Gửi thẩm định
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  if (plans.isError)
    return <QueryError title="Không tải được kế hoạch của đơn vị." error={plans.error} />;
  if (results.isError) return <QueryError title="Không tải được kết quả." error={results.error} />;
  const loading = plans.isPending || results.isPending || details.some((query) => query.isPending);
  const changedCount = rows.filter((row) => editable(row) && changed(row)).length;

  return (
    <Flex vertical gap="small">
      {!loading && covering.length === 0 && (
        <Alert
          type="info"
          showIcon
          title={`Đơn vị chưa có kế hoạch nào cho ${formatPeriodVi(period)}; chỉ hiện các kết quả đã có.`}
        />
      )}
      {loading ? (
        <Spin description="Đang tải chỉ tiêu và kết quả…" />
      ) : rows.length === 0 ? (
        <Empty description="Không có chỉ số nào để nhập cho kỳ này." />
      ) : (
        <>
          <Table<EntryRow>
            aria-label="Bảng nhập kết quả"
            size="small"
            rowKey="indicatorCode"
            columns={columns}
            dataSource={rows}
            pagination={false}
          />
          <Flex justify="flex-end" gap="small">
            <Button
              type="primary"
              disabled={changedCount === 0 || busy !== null}
              loading={busy === '*'}
              onClick={() => void onSaveAll()}
            >
              Lưu tất cả thay đổi ({changedCount})
            </Button>
          </Flex>
        </>
      )}
      <Modal
        open={conflict !== null}
        title={
          conflict?.kind === 'result_locked'
            ? 'Kết quả đã bị khóa'
            : 'Kết quả đã được người khác thay đổi'
        }
        onCancel={() => setConflict(null)}
        footer={
          conflict?.kind === 'result_locked'
            ? [
                <Button
                  key="close"
                  type="primary"
                  onClick={() => {
                    clearDraft(conflict.indicatorCode);
                    setConflict(null);
                  }}
                >
                  Đóng
                </Button>,
              ]
            : [
                <Button
                  key="theirs"
                  onClick={() => {
                    if (conflict) clearDraft(conflict.indicatorCode);
                    setConflict(null);
                  }}
                >
                  Dùng giá trị hiện tại
                </Button>,
                <Button
                  key="mine"
                  type="primary"
                  onClick={() => {
                    if (!conflict) return;
                    const row = rows.find((each) => each.indicatorCode === conflict.indicatorCode);
                    setConflict(null);
                    if (row) {
                      setDrafts((current) => ({ ...current, [row.indicatorCode]: conflict.mine }));
                      setBusy(row.indicatorCode);
                      void saveRow(
                        { ...row, result: conflict.current },
                        conflict.current?.version,
                      ).then((saved) => {
                        setBusy(null);
                        if (saved) void message.success('Đã lưu giá trị của bạn.');
                      });
                    }
                  }}
                >
                  Lưu lại giá trị của tôi
                </Button>,
              ]
        }
      >
        {conflict && (
          <ConflictDetails conflict={conflict} display={lookup(conflict.indicatorCode)} />
        )}
      </Modal>
    </Flex>
  );
}

function ConflictDetails({
  conflict,
  display,
}: {
  conflict: Conflict;
  display:
    | { unit: 'percent' | 'count' | 'level' | 'rank' | 'score' | 'bool'; precision: number }
    | undefined;
}) {
  const show = (value: number | null | undefined) =>
    value === null || value === undefined
      ? 'trống'
      : display
        ? formatIndicatorValue(value, display)
        : String(value);
  return (
    <Flex vertical gap="small">
      <Typography.Paragraph style={{ margin: 0 }}>
        {conflict.kind === 'result_locked'
          ? 'Kết quả này đã được gửi thẩm định hoặc đã thẩm định nên không sửa được nữa.'
          : 'Trong lúc bạn nhập, kết quả này đã được lưu bởi người khác (hoặc ở cửa sổ khác).'}
      </Typography.Paragraph>
      <Typography.Text>
        Giá trị hiện tại: <Typography.Text strong>{show(conflict.current?.value)}</Typography.Text>
        {conflict.current &&
          ` (${RESULT_STATUS_LABELS[conflict.current.status]}, phiên bản ${conflict.current.version})`}
      </Typography.Text>
      <Typography.Text>
        Giá trị bạn nhập: <Typography.Text strong>{show(conflict.mine.value)}</Typography.Text>
      </Typography.Text>
    </Flex>
  );
}
