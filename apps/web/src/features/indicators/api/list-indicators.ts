import { findIndicator, type TIndicator } from '@commune-bench/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { apiRequest } from '../../../lib/api-client';
import { indicatorsKeys } from './query-keys';

export function listIndicators(signal?: AbortSignal): Promise<TIndicator[]> {
  return apiRequest<TIndicator[]>('/indicators', { signal });
}

export function listIndicatorsQueryOptions() {
  return queryOptions({
    queryKey: indicatorsKeys.list(),
    queryFn: ({ signal }) => listIndicators(signal),
    // The catalog changes with a release or an admin's edit, not within a session.
    staleTime: Infinity,
  });
}

export function useIndicators() {
  return useQuery(listIndicatorsQueryOptions());
}

/**
 * Finds an indicator by code: the server's catalog (admins may extend it), else the one shipped
 * with the domain package, so names and precision are right before the list has loaded.
 */
export function useIndicatorLookup(): (code: string) => TIndicator | undefined {
  const { data } = useIndicators();
  const byCode = useMemo(
    () => new Map((data ?? []).map((indicator) => [indicator.code, indicator])),
    [data],
  );
  return useCallback((code: string) => byCode.get(code) ?? findIndicator(code), [byCode]);
}
