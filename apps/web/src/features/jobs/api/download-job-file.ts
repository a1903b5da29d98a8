import type { TJobView } from '@commune-bench/domain';
import { apiDownload, type DownloadedFile, type ProgressListener } from '../../../lib/api-transfer';
import { useFileDownload } from '../../../lib/use-file-download';
import { jobsKeys } from './query-keys';

export type JobWithFile = Pick<TJobView, 'id' | 'file'>;

/** `GET /api/jobs/:id/file`: a finished export's file, named as the server names it. */
export function downloadJobFile(
  job: JobWithFile,
  onProgress?: ProgressListener,
): Promise<DownloadedFile> {
  return apiDownload(
    `/jobs/${encodeURIComponent(job.id)}/file`,
    {},
    { fallbackName: job.file?.name ?? 'bao-cao', onProgress },
  );
}

export function downloadJobFileMutationOptions(onProgress?: ProgressListener) {
  return {
    mutationKey: [...jobsKeys.all, 'file'] as const,
    mutationFn: (job: JobWithFile) => downloadJobFile(job, onProgress),
  };
}

/** Downloads a finished export and hands it to the browser. */
export function useDownloadJobFile() {
  return useFileDownload(downloadJobFileMutationOptions);
}
