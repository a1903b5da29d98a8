import type { TResultView } from '@commune-bench/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { resultsKeys } from './query-keys';

export type ResultTransition =
  | { action: 'submit'; id: string; version: number }
  | { action: 'verify'; id: string; version: number }
  | { action: 'return'; id: string; version: number; reason: string };

/** `POST /api/results/:id/{submit|verify|return}` with the version read (and the reason to return). */
export function transitionResult(transition: ResultTransition): Promise<TResultView> {
  const body =
    transition.action === 'return'
      ? { reason: transition.reason, version: transition.version }
      : { version: transition.version };
  return apiRequest<TResultView>(
    `/results/${encodeURIComponent(transition.id)}/${transition.action}`,
    { method: 'POST', body },
  );
}

export function transitionResultMutationOptions() {
  return { mutationKey: [...resultsKeys.all, 'transition'] as const, mutationFn: transitionResult };
}

export function useTransitionResult() {
  const queryClient = useQueryClient();
  return useMutation<TResultView, ApiError, ResultTransition>({
    ...transitionResultMutationOptions(),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: resultsKeys.lists() });
      // A verified result changes rankings and comparisons.
      void queryClient.invalidateQueries({ queryKey: ['rankings'] });
      void queryClient.invalidateQueries({ queryKey: ['comparisons'] });
    },
  });
}
