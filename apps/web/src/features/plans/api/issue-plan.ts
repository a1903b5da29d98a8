import type { TPlanDetail } from '@commune-bench/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { plansKeys } from './query-keys';

export interface IssuePlanInput {
  id: string;
  version: number;
}

/** `POST /api/plans/:id/issue`: ban hành a draft plan. */
export function issuePlan({ id, version }: IssuePlanInput): Promise<TPlanDetail> {
  return apiRequest<TPlanDetail>(`/plans/${encodeURIComponent(id)}/issue`, {
    method: 'POST',
    body: { version },
  });
}

export function issuePlanMutationOptions() {
  return { mutationKey: [...plansKeys.all, 'issue'] as const, mutationFn: issuePlan };
}

export function useIssuePlan() {
  const queryClient = useQueryClient();
  return useMutation<TPlanDetail, ApiError, IssuePlanInput>({
    ...issuePlanMutationOptions(),
    onSuccess: (plan) => {
      queryClient.setQueryData(plansKeys.detail(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: plansKeys.list(plan.unitId) });
    },
  });
}
