import type { TReportFormat } from '@commune-bench/domain';
import type { QueryParameters } from '../../../lib/api-client';
import { apiDownload, type DownloadedFile } from '../../../lib/api-transfer';
import { useFileDownload } from '../../../lib/use-file-download';

export {
  REPORT_FORMATS,
  REPORT_FORMAT_NAMES_VI as REPORT_FORMAT_LABELS,
} from '@commune-bench/domain';
export type ReportFormat = TReportFormat;
export type ReportKind = 'ranking' | 'comparison';

export interface ReportRequest {
  kind: ReportKind;
  format: ReportFormat;
  /** The same parameters as the view on screen. */
  parameters: QueryParameters;
}

export function reportPath(kind: ReportKind, format: ReportFormat): string {
  return `/reports/${kind}.${format}`;
}

/** `GET /api/reports/{ranking|comparison}.{xlsx|pdf|docx|csv}?…`: the file and its name. */
export function downloadReport(
  request: ReportRequest,
  onProgress?: (fraction: number | null) => void,
): Promise<DownloadedFile> {
  const fallbackName = `${request.kind === 'ranking' ? 'xep-hang' : 'so-sanh'}.${request.format}`;
  return apiDownload(reportPath(request.kind, request.format), request.parameters, {
    fallbackName,
    onProgress,
  });
}

export function downloadReportMutationOptions(onProgress?: (fraction: number | null) => void) {
  return {
    mutationKey: ['reports', 'download'] as const,
    mutationFn: (request: ReportRequest) => downloadReport(request, onProgress),
  };
}

/** Downloads a report and hands it to the browser; `progress` is 0–1, or null while unknown. */
export function useDownloadReport() {
  return useFileDownload(downloadReportMutationOptions);
}
