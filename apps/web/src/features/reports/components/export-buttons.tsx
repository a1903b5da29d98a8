import { Alert, Button, Flex, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import type { QueryParameters } from '../../../lib/api-client';
import {
  REPORT_FORMATS,
  REPORT_FORMAT_LABELS,
  useDownloadReport,
  type ReportFormat,
  type ReportKind,
} from '../api/download-report';

interface ExportButtonsProps {
  kind: ReportKind;
  /** The view's parameters: the file holds what the screen shows. */
  parameters: QueryParameters;
  disabled?: boolean;
}

/** Xuất Excel / PDF / Word / CSV, with progress while a long report downloads. */
export function ExportButtons({ kind, parameters, disabled }: ExportButtonsProps) {
  const download = useDownloadReport();
  const [format, setFormat] = useState<ReportFormat | null>(null);

  return (
    <Flex vertical gap="small" role="group" aria-label="Xuất báo cáo">
      <Space wrap size="small">
        <Typography.Text type="secondary">Xuất báo cáo:</Typography.Text>
        {REPORT_FORMATS.map((each) => (
          <Button
            key={each}
            disabled={disabled || (download.isPending && format !== each)}
            loading={download.isPending && format === each}
            onClick={() => {
              setFormat(each);
              download.mutate({ kind, format: each, parameters });
            }}
          >
            {`Xuất ${REPORT_FORMAT_LABELS[each]}`}
          </Button>
        ))}
      </Space>
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
    </Flex>
  );
}
