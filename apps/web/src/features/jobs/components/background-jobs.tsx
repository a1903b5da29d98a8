import type { TJobView } from '@commune-bench/domain';
import { Badge, Button, Drawer, Empty, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { importSummary } from '../../results/utils/import-summary';
import { useDownloadJobFile } from '../api/download-job-file';
import { isJobActive } from '../api/get-job';
import { useJobs } from '../api/list-jobs';
import { formatFileSize, formatJobTime } from '../utils/job-format';
import { JobProgress } from './job-progress';

/** “Tác vụ nền” in the header: how many jobs wait or run, and a drawer with the latest ones. */
export function BackgroundJobsButton() {
  const [open, setOpen] = useState(false);
  const jobs = useJobs();
  const active = (jobs.data ?? []).filter(isJobActive).length;

  return (
    <>
      <Badge count={active} size="small" title={`${active} tác vụ đang chờ hoặc đang thực hiện`}>
        <Button onClick={() => setOpen(true)}>Tác vụ nền</Button>
      </Badge>
      <Drawer title="Tác vụ nền" open={open} onClose={() => setOpen(false)} size={440}>
        {jobs.isPending ? (
          <Flex justify="center">
            <Spin description="Đang tải…" />
          </Flex>
        ) : jobs.isError ? (
          <QueryError
            title="Không tải được danh sách tác vụ."
            error={jobs.error}
            onRetry={() => void jobs.refetch()}
          />
        ) : (
          <JobList jobs={jobs.data} />
        )}
      </Drawer>
    </>
  );
}

function JobList({ jobs }: { jobs: TJobView[] }) {
  const file = useDownloadJobFile();
  if (jobs.length === 0) return <Empty description="Chưa có tác vụ nền nào." />;
  return (
    <Flex vertical gap="middle" role="list" aria-label="Tác vụ nền gần đây">
      <Typography.Text type="secondary">
        Xuất báo cáo lớn và nhập tệp kết quả lớn chạy dưới nền; đây là 20 tác vụ gần nhất của bạn.
      </Typography.Text>
      {jobs.map((job) => (
        <Flex key={job.id} vertical gap={4} role="listitem" aria-label={job.label}>
          <JobProgress job={job} width={180} />
          <Typography.Text type="secondary">
            Tạo lúc {formatJobTime(job.createdAt)}
            {job.finishedAt ? `, xong lúc ${formatJobTime(job.finishedAt)}` : ''}
          </Typography.Text>
          {job.status === 'done' && job.file && (
            <Button
              type="link"
              size="small"
              style={{ alignSelf: 'flex-start', paddingInline: 0 }}
              loading={file.isPending && file.variables?.id === job.id}
              onClick={() => file.mutate(job)}
            >
              {`Tải tệp ${job.file.name} (${formatFileSize(job.file.size)})`}
            </Button>
          )}
          {job.status === 'done' && job.importReport && (
            <Typography.Text>{importSummary(job.importReport)}</Typography.Text>
          )}
          {job.status === 'failed' && job.error && (
            <Typography.Text type="danger">{job.error.message}</Typography.Text>
          )}
          {file.isError && file.variables?.id === job.id && (
            <Typography.Text type="danger">
              Không tải được tệp: {file.error.message}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
