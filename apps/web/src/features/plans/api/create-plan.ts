import type { TPlanCreate, TPlanDetail } from '@commune-bench/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { plansKeys } from './query-keys';

/** `POST /api/plans`: a reviewed proposal saved as a draft plan. */
export function createPlan(input: TPlanCreate): Promise<TPlanDetail> {
  return apiRequest<TPlanDetail>('/plans', { method: 'POST', body: input });
}

export function createPlanMutationOptions() {
  return { mutationKey: [...plansKeys.all, 'create'] as const, mutationFn: createPlan };
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation<TPlanDetail, ApiError, TPlanCreate>({
    ...createPlanMutationOptions(),
    onSuccess: (plan) => {
      queryClient.setQueryData(plansKeys.detail(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: plansKeys.list(plan.unitId) });
    },
  });
}
