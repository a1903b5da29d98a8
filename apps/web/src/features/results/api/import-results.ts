import type { TResultImportReport } from '@commune-bench/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { apiUpload } from '../../../lib/api-transfer';
import { resultsKeys } from './query-keys';

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

/** The rows a 422 `import_rejected` lists, or an empty list. */
export function rowErrorsOf(error: unknown): ImportRowError[] {
  if (!(error instanceof ApiError) || error.code !== 'import_rejected') return [];
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
