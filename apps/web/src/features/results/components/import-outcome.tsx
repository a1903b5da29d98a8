import type { TResultImportReport } from '@commune-bench/domain';
import { Alert, Table } from 'antd';
import { rowErrorsOf, type ImportFailure, type ImportRowError } from '../api/import-results';
import { importSummary } from '../utils/import-summary';

interface ImportOutcomeProps {
  report?: TResultImportReport | null;
  error?: ImportFailure | null;
}

/**
 * What became of a results file, imported at once or as a background job: how many rows were
 * written, or why not, with every bad row and its column and reason.
 */
export function ImportOutcome({ report, error }: ImportOutcomeProps) {
  const rowErrors = rowErrorsOf(error);
  return (
    <>
      {report && <Alert type="success" showIcon title={importSummary(report)} />}
      {error && (
        <Alert type="error" showIcon title="Tệp chưa được nhập." description={error.message} />
      )}
      {rowErrors.length > 0 && (
        <Table<ImportRowError>
          aria-label="Các dòng lỗi"
          size="small"
          rowKey={(each) => `${each.row}-${each.column ?? ''}-${each.reason}`}
          dataSource={rowErrors}
          pagination={rowErrors.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: 'Dòng', dataIndex: 'row', width: 80 },
            {
              title: 'Cột',
              key: 'column',
              width: 160,
              render: (_value, each) => each.column ?? '—',
            },
            { title: 'Lý do', dataIndex: 'reason' },
          ]}
        />
      )}
    </>
  );
}
