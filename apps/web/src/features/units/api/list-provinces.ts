import { compareVi, type TProvince } from '@commune-bench/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { unitsKeys } from './query-keys';

export function listProvinces(signal?: AbortSignal): Promise<TProvince[]> {
  return apiRequest<TProvince[]>('/provinces', { signal });
}

function sortByName(provinces: TProvince[]): TProvince[] {
  return [...provinces].sort((a, b) => compareVi(a.name, b.name));
}

export function listProvincesQueryOptions() {
  return queryOptions({
    queryKey: unitsKeys.provinces(),
    queryFn: ({ signal }) => listProvinces(signal),
    select: sortByName,
    // Reference data: changes with an administrative reorganisation, not within a session.
    staleTime: Infinity,
  });
}

/** Provinces and centrally-run cities, sorted by Vietnamese name. */
export function useProvinces() {
  return useQuery(listProvincesQueryOptions());
}
