import type { TComparisonView } from '@commune-bench/domain';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type QueryParameters } from '../../../lib/api-client';
import { comparisonsKeys } from './query-keys';

export interface ComparisonParams {
  unitIds: readonly string[];
  period: string;
  indicators?: readonly string[];
  include?: 'verified' | 'submitted';
}

/** The query string of a comparison: the page and the exports use the same. */
export function comparisonQueryParameters(params: ComparisonParams): QueryParameters {
  return {
    units: params.unitIds.join(','),
    period: params.period,
    indicators: params.indicators?.join(','),
    include: params.include,
  };
}

export function getComparison(
  params: ComparisonParams,
  signal?: AbortSignal,
): Promise<TComparisonView> {
  return apiRequest<TComparisonView>('/comparisons', {
    query: comparisonQueryParameters(params),
    signal,
  });
}

export function getComparisonQueryOptions(params: ComparisonParams) {
  return queryOptions({
    queryKey: comparisonsKeys.view(params),
    queryFn: ({ signal }) => getComparison(params, signal),
  });
}

export function useComparison(params: ComparisonParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...getComparisonQueryOptions(params),
    placeholderData: keepPreviousData,
    enabled: (options.enabled ?? true) && params.unitIds.length > 0,
  });
}
