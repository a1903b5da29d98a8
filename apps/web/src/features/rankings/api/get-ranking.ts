import type { TRankingQuery, TRankingView } from '@commune-bench/domain';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type QueryParameters } from '../../../lib/api-client';
import { rankingsKeys } from './query-keys';

/** `GET /api/rankings` parameters; the server defaults `ties` and `include`. */
export type RankingParams = Omit<TRankingQuery, 'ties' | 'include'> &
  Partial<Pick<TRankingQuery, 'ties' | 'include'>>;

/** The query string of a ranking: the page, the exports and the tests use the same. */
export function rankingQueryParameters(params: RankingParams): QueryParameters {
  return {
    indicator: params.indicator,
    period: params.period,
    province: params.province,
    type: params.type,
    class: params.class,
    top: params.top,
    around: params.around,
    k: params.k,
    ties: params.ties,
    include: params.include,
  };
}

export function getRanking(params: RankingParams, signal?: AbortSignal): Promise<TRankingView> {
  return apiRequest<TRankingView>('/rankings', { query: rankingQueryParameters(params), signal });
}

export function getRankingQueryOptions(params: RankingParams) {
  return queryOptions({
    queryKey: rankingsKeys.view(params),
    queryFn: ({ signal }) => getRanking(params, signal),
  });
}

/** A league table; the previous table stays on screen while the next one loads. */
export function useRanking(params: RankingParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...getRankingQueryOptions(params),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
