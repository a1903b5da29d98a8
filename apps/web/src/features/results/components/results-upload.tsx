import { Alert, Flex, Progress, Table, Typography, Upload } from 'antd';
import { rowErrorsOf, useImportResults, type ImportRowError } from '../api/import-results';

/** Tải tệp kết quả: CSV or XLSX, all rows or none; every bad row is listed with its reason. */
export function ResultsUpload() {
  const upload = useImportResults();
  const rowErrors = rowErrorsOf(upload.error);

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
        ghi.
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".csv,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          upload.mutate(file);
          return false;
        }}
      >
        <Typography.Paragraph style={{ margin: 0 }}>
          Kéo thả hoặc bấm để chọn tệp CSV hoặc XLSX
        </Typography.Paragraph>
      </Upload.Dragger>
      {upload.isPending && (
        <Flex align="center" gap="small" role="status" aria-label="Đang tải tệp kết quả">
          <Typography.Text type="secondary">
            {upload.progress !== null && upload.progress < 1
              ? 'Đang tải tệp lên…'
              : 'Đang kiểm tra và ghi dữ liệu…'}
          </Typography.Text>
          <Progress
            style={{ width: 260, margin: 0 }}
            size="small"
            status="active"
            percent={upload.progress === null ? 100 : Math.round(upload.progress * 100)}
            showInfo={upload.progress !== null}
          />
        </Flex>
      )}
      {upload.isSuccess && (
        <Alert
          type="success"
          showIcon
          title={`Đã nhập ${upload.data.imported} dòng: ${upload.data.created} kết quả mới, ${upload.data.updated} kết quả cập nhật (đều ở trạng thái đang soạn).`}
        />
      )}
      {upload.isError && (
        <Alert
          type="error"
          showIcon
          title="Tệp chưa được nhập."
          description={upload.error.message}
        />
      )}
      {rowErrors.length > 0 && (
        <Table<ImportRowError>
          aria-label="Các dòng lỗi"
          size="small"
          rowKey={(error) => `${error.row}-${error.column ?? ''}-${error.reason}`}
          dataSource={rowErrors}
          pagination={rowErrors.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: 'Dòng', dataIndex: 'row', width: 80 },
            {
              title: 'Cột',
              key: 'column',
              width: 160,
              render: (_value, error) => error.column ?? '—',
            },
            { title: 'Lý do', dataIndex: 'reason' },
          ]}
        />
      )}
    </Flex>
  );
}
