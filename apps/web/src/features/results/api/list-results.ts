import type { TResultQuery, TResultView } from '@commune-bench/domain';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { resultsKeys } from './query-keys';

export function listResults(query: TResultQuery, signal?: AbortSignal): Promise<TResultView[]> {
  return apiRequest<TResultView[]>('/results', {
    query: {
      unitId: query.unitId,
      indicator: query.indicator,
      period: query.period,
      status: query.status,
    },
    signal,
  });
}

export function listResultsQueryOptions(query: TResultQuery) {
  return queryOptions({
    queryKey: resultsKeys.list(query),
    queryFn: ({ signal }) => listResults(query, signal),
  });
}

export function useResults(query: TResultQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...listResultsQueryOptions(query),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
