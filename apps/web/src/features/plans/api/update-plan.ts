import type { TPlanDetail, TPlanUpdate } from '@commune-bench/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { plansKeys } from './query-keys';

export interface UpdatePlanInput {
  id: string;
  changes: TPlanUpdate;
}

/** `PATCH /api/plans/:id` with the version read; a stale one gets 409 with the current plan. */
export function updatePlan({ id, changes }: UpdatePlanInput): Promise<TPlanDetail> {
  return apiRequest<TPlanDetail>(`/plans/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: changes,
  });
}

export function updatePlanMutationOptions() {
  return { mutationKey: [...plansKeys.all, 'update'] as const, mutationFn: updatePlan };
}

export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation<TPlanDetail, ApiError, UpdatePlanInput>({
    ...updatePlanMutationOptions(),
    onSuccess: (plan) => {
      queryClient.setQueryData(plansKeys.detail(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: plansKeys.list(plan.unitId) });
      void queryClient.invalidateQueries({ queryKey: plansKeys.cascade(plan.id) });
    },
  });
}
