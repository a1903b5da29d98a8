import type { TUnitWithClassifications } from '@commune-bench/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { unitsKeys } from './query-keys';

/** `GET /api/units/:id`: a unit in scope with its classification history and lineage. */
export function getUnit(id: string, signal?: AbortSignal): Promise<TUnitWithClassifications> {
  return apiRequest<TUnitWithClassifications>(`/units/${encodeURIComponent(id)}`, { signal });
}

export function getUnitQueryOptions(id: string) {
  return queryOptions({
    queryKey: unitsKeys.detail(id),
    queryFn: ({ signal }) => getUnit(id, signal),
  });
}

export function useUnit(id: string | undefined) {
  return useQuery({ ...getUnitQueryOptions(id ?? ''), enabled: id !== undefined && id !== '' });
}
