import {
  formatIndicatorValue,
  formatNumberVi,
  formatPeriodVi,
  type TIndicator,
  type TRankingView,
} from '@commune-bench/domain';
import { Card, Flex, Skeleton, Statistic, Typography } from 'antd';
import { EXCLUDED_REASON_LABELS } from '../../../lib/vi-labels';
import { ChangeCell } from '../../rankings/components/league-table';
import { distanceToNextRank } from '../../rankings/utils/ranking-display';

interface CohortRankCardProps {
  name: string;
  view: TRankingView | undefined;
  error: Error | null;
  unitId: string;
  indicator: TIndicator | undefined;
}

/** My commune in one cohort: rank of total, change since the last period, distance to the next rank. */
export function CohortRankCard({ name, view, error, unitId, indicator }: CohortRankCardProps) {
  const row = view?.rows.find((each) => each.unitId === unitId);
  const excluded = view?.excluded.find((each) => each.unitId === unitId);
  const next = view ? distanceToNextRank(view.rows, unitId, view.method.precision) : null;
  const format = (value: number) =>
    indicator ? formatIndicatorValue(value, indicator) : formatNumberVi(value, 2);

  return (
    <Card size="small" title={name} role="region" aria-label={`Hạng trong nhóm ${name}`}>
      {error ? (
        <Typography.Text type="danger">{error.message}</Typography.Text>
      ) : !view ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : row ? (
        <Flex vertical gap={4}>
          <Flex align="baseline" gap="small">
            <Statistic
              title="Hạng"
              value={row.rank}
              suffix={`/ ${view.total}`}
              styles={{ content: { fontSize: 28 } }}
            />
            <ChangeCell row={row} />
          </Flex>
          <Typography.Text>
            Giá trị: <Typography.Text strong>{format(row.value)}</Typography.Text>
          </Typography.Text>
          {row.previousRank !== null && view.method.previousPeriod !== null && (
            <Typography.Text type="secondary">
              {formatPeriodVi(view.method.previousPeriod)}: hạng {row.previousRank}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">
            {next
              ? `Cách hạng ${next.rank} (${next.unitName}): ${format(next.difference)}`
              : 'Đang dẫn đầu nhóm'}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="secondary">
          Chưa được xếp hạng
          {excluded ? `: ${EXCLUDED_REASON_LABELS[excluded.reason].toLowerCase()}` : ''}.
        </Typography.Text>
      )}
    </Card>
  );
}
