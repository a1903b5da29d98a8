import type { TIndicator, TTarget, TTargetGroup } from '@commune-bench/domain';
import { Card, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { areaName, describeTarget, phaseName } from '../utils/plan-labels';

interface TargetGroupsProps {
  groups: readonly TTargetGroup[];
  lookup: (code: string) => TIndicator | undefined;
}

/** A plan's targets as the plan reads: by reform area, then phase, each with its source line. */
export function TargetGroups({ groups, lookup }: TargetGroupsProps) {
  const columns: TableColumnsType<TTarget> = [
    {
      title: 'Chỉ tiêu',
      key: 'label',
      render: (_value, target) => (
        <Flex vertical>
          <Typography.Text>{target.label}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {target.indicatorCode
              ? `${lookup(target.indicatorCode)?.nameVi ?? ''} (${target.indicatorCode})`
              : 'Chưa gắn chỉ số trong danh mục'}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: 'Cam kết',
      key: 'commitment',
      width: 220,
      render: (_value, target) => (
        <Flex gap={4} wrap>
          <Typography.Text strong>
            {describeTarget(
              target,
              target.indicatorCode ? lookup(target.indicatorCode) : undefined,
            )}
          </Typography.Text>
          {target.aspirational && <Tag>Phấn đấu</Tag>}
          {target.legacy && (
            <Tooltip title="Cách gọi cũ (mức độ 3, 4) đã quy đổi">
              <Tag>Cách gọi cũ</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { title: 'Hạn', key: 'due', width: 80, render: (_value, target) => target.dueYear },
    {
      title: 'Nguồn trong văn bản',
      key: 'source',
      width: 360,
      render: (_value, target) =>
        target.source ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {target.source.line !== null && <Tag>Dòng {target.source.line}</Tag>}“
            {target.source.quote}”
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];
  if (groups.length === 0) {
    return <Typography.Text type="secondary">Kế hoạch chưa có chỉ tiêu nào.</Typography.Text>;
  }
  return (
    <Flex vertical gap="middle">
      {groups.map((group) => (
        <Card
          key={`${group.area ?? ''}|${group.phase ?? ''}`}
          size="small"
          title={`${areaName(group.area)} — ${phaseName(group.phase)}`}
          role="region"
          aria-label={`${areaName(group.area)}, ${phaseName(group.phase)}`}
        >
          <Table<TTarget>
            size="small"
            pagination={false}
            rowKey={(target) =>
              target.id ?? `${target.indicatorCode}-${target.label}-${target.dueYear}`
            }
            columns={columns}
            dataSource={group.targets}
          />
        </Card>
      ))}
    </Flex>
  );
}
