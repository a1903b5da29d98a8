import { formatNumberVi } from '@commune-bench/domain';
import { Alert, Button, Checkbox, Flex, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import type { QueryParameters } from '../../../lib/api-client';
import { isJobActive } from '../../jobs/api/get-job';
import { JobProgress } from '../../jobs/components/job-progress';
import { useExportJob } from '../../jobs/hooks/use-export-job';
import {
  REPORT_FORMATS,
  REPORT_FORMAT_LABELS,
  useDownloadReport,
  type ReportFormat,
  type ReportKind,
} from '../api/download-report';

/** Above this many rows a report is always made as a background job (a national ranking). */
export const BACKGROUND_EXPORT_MIN_ROWS = 500;

interface ExportButtonsProps {
  kind: ReportKind;
  /** The view's parameters: the file holds what the screen shows. */
  parameters: QueryParameters;
  /** The rows the file will hold: more than {@link BACKGROUND_EXPORT_MIN_ROWS}, it runs as a job. */
  rowCount?: number;
  disabled?: boolean;
}

/**
 * Xuất Excel / PDF / Word / CSV. A normal report downloads at once, with progress; a large one (or
 * any, with “Xuất dưới nền”) is made as a background job: its progress is shown, and its file is
 * downloaded once it is done (“Tải lại” downloads it again).
 */
export function ExportButtons({ kind, parameters, rowCount, disabled }: ExportButtonsProps) {
  const download = useDownloadReport();
  const exportJob = useExportJob();
  const [format, setFormat] = useState<ReportFormat | null>(null);
  const [backgroundChosen, setBackgroundChosen] = useState(false);
  const large = rowCount !== undefined && rowCount > BACKGROUND_EXPORT_MIN_ROWS;
  const background = large || backgroundChosen;

  const job = exportJob.job.data;
  const jobShown = exportJob.create.data !== undefined;
  const busy =
    download.isPending ||
    exportJob.create.isPending ||
    (jobShown && (isJobActive(job) || exportJob.file.isPending));

  const start = (each: ReportFormat) => {
    setFormat(each);
    const request = { kind, format: each, parameters };
    if (background) {
      download.reset();
      exportJob.file.reset();
      exportJob.create.mutate(request);
    } else {
      exportJob.create.reset();
      download.mutate(request);
    }
  };

  return (
    <Flex vertical gap="small" role="group" aria-label="Xuất báo cáo">
      <Space wrap size="small">
        <Typography.Text type="secondary">Xuất báo cáo:</Typography.Text>
        {REPORT_FORMATS.map((each) => (
          <Button
            key={each}
            disabled={disabled || (busy && format !== each)}
            loading={busy && format === each}
            onClick={() => start(each)}
          >
            {`Xuất ${REPORT_FORMAT_LABELS[each]}`}
          </Button>
        ))}
        <Checkbox
          checked={background}
          disabled={disabled || large || busy}
          onChange={(event) => setBackgroundChosen(event.target.checked)}
        >
          Xuất dưới nền
        </Checkbox>
      </Space>
      {large && (
        <Typography.Text type="secondary">
          Bảng có {formatNumberVi(rowCount, 0)} đơn vị: tệp được tạo dưới nền và tự tải về khi xong;
          có thể xem lại ở “Tác vụ nền”.
        </Typography.Text>
      )}
      {download.isPending && (
        <Flex align="center" gap="small" role="status" aria-label="Đang xuất báo cáo">
          <Typography.Text type="secondary">
            Đang tạo tệp {format ? REPORT_FORMAT_LABELS[format] : ''}…
          </Typography.Text>
          <Progress
            style={{ width: 220, margin: 0 }}
            size="small"
            status="active"
            percent={download.progress === null ? 100 : Math.round(download.progress * 100)}
            showInfo={download.progress !== null}
          />
        </Flex>
      )}
      {download.isError && (
        <Alert
          type="error"
          showIcon
          closable
          title="Không xuất được báo cáo."
          description={download.error.message}
          onClose={() => download.reset()}
        />
      )}
      {exportJob.create.isError && (
        <Alert
          type="error"
          showIcon
          closable
          title="Không tạo được tác vụ xuất báo cáo."
          description={exportJob.create.error.message}
          onClose={() => exportJob.create.reset()}
        />
      )}
      {jobShown && job && (
        <Flex vertical gap="small">
          <JobProgress job={job} />
          {job.status === 'done' && job.file && (
            <Flex align="center" gap="small" wrap>
              <Typography.Text type="secondary">
                {exportJob.file.isSuccess
                  ? `Đã tải tệp ${job.file.name} về máy.`
                  : `Đang tải tệp ${job.file.name}…`}
              </Typography.Text>
              <Button
                type="link"
                size="small"
                disabled={exportJob.file.isPending}
                onClick={() => exportJob.file.mutate(job)}
              >
                Tải lại
              </Button>
            </Flex>
          )}
          {job.status === 'failed' && (
            <Alert
              type="error"
              showIcon
              title="Không xuất được báo cáo."
              description={job.error?.message ?? 'Tác vụ bị lỗi.'}
            />
          )}
        </Flex>
      )}
      {jobShown && exportJob.job.isError && !job && (
        <Alert
          type="error"
          showIcon
          title="Không đọc được trạng thái tác vụ."
          description={exportJob.job.error.message}
        />
      )}
      {exportJob.file.isError && (
        <Alert
          type="error"
          showIcon
          title="Không tải được tệp của tác vụ."
          description={exportJob.file.error.message}
        />
      )}
    </Flex>
  );
}
