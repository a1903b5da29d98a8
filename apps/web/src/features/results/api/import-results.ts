import type { TResultImportReport } from '@commune-bench/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { apiUpload } from '../../../lib/api-transfer';
import { useCreateImportJob } from '../../jobs/api/create-import-job';
import { useJob } from '../../jobs/api/get-job';
import { resultsKeys } from './query-keys';

/** Files above this size are imported as a background job (POST /api/jobs/imports). */
export const BACKGROUND_IMPORT_MIN_BYTES = 1024 * 1024;

export interface ImportRowError {
  row: number;
  column?: string;
  reason: string;
}

/** `POST /api/results/import` (multipart `file`, CSV or XLSX): all rows or none. */
export function importResults(
  file: File,
  onProgress?: (fraction: number | null) => void,
): Promise<TResultImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload<TResultImportReport>('/results/import', form, { onProgress });
}

/** A refusal: an {@link ApiError}, the `error` of a failed import job (the same fields), any error. */
export interface ImportFailure {
  code?: string;
  message: string;
  details?: unknown;
}

/** The rows an `import_rejected` refusal lists (a 422, or a failed import job), or an empty list. */
export function rowErrorsOf(error: ImportFailure | null | undefined): ImportRowError[] {
  if (!error || error.code !== 'import_rejected') return [];
  const errors = (error.details as { errors?: ImportRowError[] } | undefined)?.errors;
  return Array.isArray(errors) ? errors : [];
}

export function importResultsMutationOptions(onProgress?: (fraction: number | null) => void) {
  return {
    mutationKey: [...resultsKeys.all, 'import'] as const,
    mutationFn: (file: File) => importResults(file, onProgress),
  };
}

export function useImportResults() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation<TResultImportReport, ApiError, File>({
    ...importResultsMutationOptions(setProgress),
    onMutate: () => setProgress(null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resultsKeys.lists() }),
  });
  return { ...mutation, progress };
}

/**
 * A large file imported as a background job: upload it, poll the job; once it is done the results
 * lists are read again (as after the synchronous import).
 */
export function useImportResultsJob() {
  const queryClient = useQueryClient();
  const create = useCreateImportJob();
  const job = useJob(create.data?.id);
  const doneId = job.data?.status === 'done' ? job.data.id : undefined;
  useEffect(() => {
    if (doneId !== undefined) void queryClient.invalidateQueries({ queryKey: resultsKeys.lists() });
  }, [doneId, queryClient]);
  return { create, job };
}
