import type { TResultUpsert, TResultView } from '@commune-bench/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { resultsKeys } from './query-keys';

/**
 * `PUT /api/results`: creates a draft (no version) or changes a value (the version read). A stale
 * version gets 409 `version_conflict`, a submitted or verified result 409 `result_locked`; both
 * carry the current result.
 */
export function saveResult(input: TResultUpsert): Promise<TResultView> {
  return apiRequest<TResultView>('/results', { method: 'PUT', body: input });
}

/** The current result a 409 carries, or null. */
export function currentOfConflict(error: unknown): TResultView | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return (error.details as { current?: TResultView | null } | undefined)?.current ?? null;
}

export function saveResultMutationOptions() {
  return { mutationKey: [...resultsKeys.all, 'save'] as const, mutationFn: saveResult };
}

export function useSaveResult() {
  const queryClient = useQueryClient();
  return useMutation<TResultView, ApiError, TResultUpsert>({
    ...saveResultMutationOptions(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: resultsKeys.lists() }),
  });
}
