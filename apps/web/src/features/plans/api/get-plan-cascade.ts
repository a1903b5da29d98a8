import type { TCascadeIssue } from '@commune-bench/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { plansKeys } from './query-keys';

export interface PlanCascade {
  planId: string;
  parentPlanId: string | null;
  issues: TCascadeIssue[];
}

export function getPlanCascade(id: string, signal?: AbortSignal): Promise<PlanCascade> {
  return apiRequest<PlanCascade>(`/plans/${encodeURIComponent(id)}/cascade`, { signal });
}

export function getPlanCascadeQueryOptions(id: string) {
  return queryOptions({
    queryKey: plansKeys.cascade(id),
    queryFn: ({ signal }) => getPlanCascade(id, signal),
  });
}

/** Targets weaker than the parent plan's, and parent targets the plan lacks. */
export function usePlanCascade(id: string | undefined, enabled: boolean) {
  return useQuery({ ...getPlanCascadeQueryOptions(id ?? ''), enabled: enabled && !!id });
}
