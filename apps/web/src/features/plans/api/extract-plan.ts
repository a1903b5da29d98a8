import type { TPlanProposal } from '@commune-bench/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { apiUpload } from '../../../lib/api-transfer';
import { plansKeys } from './query-keys';

export type ExtractSource =
  { kind: 'file'; file: File } | { kind: 'text'; text: string; filename: string };

/**
 * `POST /api/plans/extract`: a document (uploaded file, or pasted text) → the proposed plan and
 * targets, nothing saved. 413/415/422 come with a Vietnamese message.
 */
export function extractPlan(
  source: ExtractSource,
  onProgress?: (fraction: number | null) => void,
): Promise<TPlanProposal> {
  if (source.kind === 'text') {
    return apiRequest<TPlanProposal>('/plans/extract', {
      method: 'POST',
      body: { text: source.text, filename: source.filename },
    });
  }
  const form = new FormData();
  form.append('file', source.file, source.file.name);
  return apiUpload<TPlanProposal>('/plans/extract', form, { onProgress });
}

export function extractPlanMutationOptions(onProgress?: (fraction: number | null) => void) {
  return {
    mutationKey: [...plansKeys.all, 'extract'] as const,
    mutationFn: (source: ExtractSource) => extractPlan(source, onProgress),
  };
}

export function useExtractPlan() {
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation<TPlanProposal, ApiError, ExtractSource>({
    ...extractPlanMutationOptions(setProgress),
    onMutate: () => setProgress(null),
  });
  return { ...mutation, progress };
}
