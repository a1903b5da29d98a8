import type { TPlanSummary } from '@commune-bench/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { plansKeys } from './query-keys';

export function listPlans(unitId: string, signal?: AbortSignal): Promise<TPlanSummary[]> {
  return apiRequest<TPlanSummary[]>('/plans', { query: { unitId }, signal });
}

export function listPlansQueryOptions(unitId: string) {
  return queryOptions({
    queryKey: plansKeys.list(unitId),
    queryFn: ({ signal }) => listPlans(unitId, signal),
  });
}

/** A unit's plans (newest period first). */
export function usePlans(unitId: string | undefined) {
  return useQuery({
    ...listPlansQueryOptions(unitId ?? ''),
    enabled: unitId !== undefined && unitId !== '',
    select: (plans) => [...plans].sort((a, b) => b.toYear - a.toYear || b.fromYear - a.fromYear),
  });
}

/** Every plan the user may read (for choosing a parent plan). */
export function useAllPlans(enabled: boolean) {
  return useQuery({
    queryKey: [...plansKeys.lists(), 'all'] as const,
    queryFn: ({ signal }) => apiRequest<TPlanSummary[]>('/plans', { signal }),
    enabled,
  });
}
