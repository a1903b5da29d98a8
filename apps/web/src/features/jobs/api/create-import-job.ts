import type { TJobView } from '@commune-bench/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { apiUpload, type ProgressListener } from '../../../lib/api-transfer';
import { rememberJob } from './create-export-job';
import { jobsKeys } from './query-keys';

/** `POST /api/jobs/imports` (multipart `file`): the results import as a job, all rows or none. */
export function createImportJob(file: File, onProgress?: ProgressListener): Promise<TJobView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload<TJobView>('/jobs/imports', form, { onProgress });
}

/** Uploads the file and queues the import; `progress` (0–1, or null) is the upload's. */
export function useCreateImportJob() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation<TJobView, ApiError, File>({
    mutationKey: [...jobsKeys.all, 'import'],
    mutationFn: (file) => createImportJob(file, setProgress),
    onMutate: () => setProgress(null),
    onSuccess: (job) => rememberJob(queryClient, job),
  });
  return { ...mutation, progress };
}
