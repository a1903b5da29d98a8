import { Flex, Progress, Typography, Upload } from 'antd';
import { isJobActive } from '../../jobs/api/get-job';
import { JobProgress } from '../../jobs/components/job-progress';
import {
  BACKGROUND_IMPORT_MIN_BYTES,
  useImportResults,
  useImportResultsJob,
} from '../api/import-results';
import { ImportOutcome } from './import-outcome';

/**
 * Tải tệp kết quả: CSV or XLSX, all rows or none; every bad row is listed with its reason. A file
 * above 1 MB is imported as a background job, with its progress shown; the outcome looks the same.
 */
export function ResultsUpload() {
  const upload = useImportResults();
  const { create, job } = useImportResultsJob();
  const jobView = create.data !== undefined ? job.data : undefined;
  const busy = upload.isPending || create.isPending || isJobActive(jobView);
  const uploading = upload.isPending || create.isPending;
  const progress = upload.isPending ? upload.progress : create.progress;
  const asJob = create.data !== undefined || create.isError;
  const outcome = asJob
    ? {
        report: jobView?.status === 'done' ? jobView.importReport : null,
        error:
          create.error ??
          (jobView?.status === 'failed'
            ? (jobView.error ?? { code: 'job_failed', message: 'Tác vụ nhập bị lỗi.' })
            : jobView === undefined
              ? job.error
              : null),
      }
    : { report: upload.data, error: upload.error };

  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph style={{ margin: 0 }}>
        Tệp CSV (UTF-8) hoặc Excel (.xlsx) với các cột:{' '}
        <Typography.Text code>Mã đơn vị</Typography.Text>,{' '}
        <Typography.Text code>Mã chỉ số</Typography.Text>,{' '}
        <Typography.Text code>Kỳ báo cáo</Typography.Text> (2025, 2025-H1, 2025-Q3, 2025-09),{' '}
        <Typography.Text code>Giá trị</Typography.Text>; không bắt buộc:{' '}
        <Typography.Text code>Tử số</Typography.Text>,{' '}
        <Typography.Text code>Mẫu số</Typography.Text>,{' '}
        <Typography.Text code>Nguồn số liệu</Typography.Text>. Có dòng lỗi thì không dòng nào được
        ghi. Tệp trên 1 MB được nhập dưới nền: có thể rời trang và xem kết quả ở “Tác vụ nền”.
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".csv,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          if (file.size > BACKGROUND_IMPORT_MIN_BYTES) {
            upload.reset();
            create.mutate(file);
          } else {
            create.reset();
            upload.mutate(file);
          }
          return false;
        }}
      >
        <Typography.Paragraph style={{ margin: 0 }}>
          Kéo thả hoặc bấm để chọn tệp CSV hoặc XLSX
        </Typography.Paragraph>
      </Upload.Dragger>
      {uploading && (
        <Flex align="center" gap="small" role="status" aria-label="Đang tải tệp kết quả">
          <Typography.Text type="secondary">
            {progress !== null && progress < 1
              ? 'Đang tải tệp lên…'
              : upload.isPending
                ? 'Đang kiểm tra và ghi dữ liệu…'
                : 'Đang tạo tác vụ nhập dưới nền…'}
          </Typography.Text>
          <Progress
            style={{ width: 260, margin: 0 }}
            size="small"
            status="active"
            percent={progress === null ? 100 : Math.round(progress * 100)}
            showInfo={progress !== null}
          />
        </Flex>
      )}
      {jobView && <JobProgress job={jobView} width={260} />}
      <ImportOutcome {...outcome} />
    </Flex>
  );
}
