import type { TExcludedRow } from '@commune-bench/domain';
import { List, Tag, Typography } from 'antd';
import { EXCLUDED_REASON_LABELS } from '../../../lib/vi-labels';

/** The cohort's units that are not ranked, each with its reason. */
export function ExcludedUnits({ rows }: { rows: readonly TExcludedRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-label="Đơn vị không được xếp hạng">
      <Typography.Title level={5}>Không được xếp hạng ({rows.length} đơn vị)</Typography.Title>
      <List
        size="small"
        bordered
        dataSource={[...rows]}
        renderItem={(row) => (
          <List.Item>
            <Typography.Text>{row.unitName}</Typography.Text>
            <Tag>{EXCLUDED_REASON_LABELS[row.reason]}</Tag>
          </List.Item>
        )}
      />
    </section>
  );
}
