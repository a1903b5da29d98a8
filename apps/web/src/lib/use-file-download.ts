import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError } from './api-client';
import { saveFile, type DownloadedFile, type ProgressListener } from './api-transfer';

export interface FileDownloadOptions<TRequest> {
  mutationKey: readonly unknown[];
  mutationFn: (request: TRequest) => Promise<DownloadedFile>;
}

/**
 * Downloads a file (a report, a background job's result) and hands it to the browser;
 * `progress` is 0–1, or null while unknown. `options` gets the progress listener to pass on.
 */
export function useFileDownload<TRequest>(
  options: (onProgress: ProgressListener) => FileDownloadOptions<TRequest>,
) {
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation<DownloadedFile, ApiError, TRequest>({
    ...options(setProgress),
    onMutate: () => setProgress(null),
    onSuccess: (file) => saveFile(file),
  });
  return { ...mutation, progress };
}
