import type { TJobView } from '@commune-bench/domain';
import { Flex, Progress, Tag, Typography, type ProgressProps } from 'antd';
import { JOB_STATUS_COLORS, JOB_STATUS_LABELS } from '../../../lib/vi-labels';

const PROGRESS_STATUS: Record<TJobView['status'], ProgressProps['status']> = {
  queued: 'normal',
  running: 'active',
  done: 'success',
  failed: 'exception',
};

interface JobProgressProps {
  job: TJobView;
  width?: number;
}

/** A background job's label, status (Đang chờ, Đang thực hiện, Hoàn thành, Lỗi) and progress. */
export function JobProgress({ job, width = 220 }: JobProgressProps) {
  return (
    <Flex align="center" gap="small" wrap role="status" aria-label={job.label}>
      <Typography.Text>{job.label}</Typography.Text>
      <Tag color={JOB_STATUS_COLORS[job.status]}>{JOB_STATUS_LABELS[job.status]}</Tag>
      <Progress
        style={{ width, margin: 0 }}
        size="small"
        aria-label={`Tiến độ: ${job.label}`}
        percent={job.status === 'done' ? 100 : job.progress}
        status={PROGRESS_STATUS[job.status]}
      />
    </Flex>
  );
}
