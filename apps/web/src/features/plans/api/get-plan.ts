import type { TPlanDetail } from '@commune-bench/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { plansKeys } from './query-keys';

export function getPlan(id: string, signal?: AbortSignal): Promise<TPlanDetail> {
  return apiRequest<TPlanDetail>(`/plans/${encodeURIComponent(id)}`, { signal });
}

export function getPlanQueryOptions(id: string) {
  return queryOptions({
    queryKey: plansKeys.detail(id),
    queryFn: ({ signal }) => getPlan(id, signal),
  });
}

/** A plan with its targets grouped by reform area and phase. */
export function usePlan(id: string | undefined) {
  return useQuery({ ...getPlanQueryOptions(id ?? ''), enabled: id !== undefined && id !== '' });
}
