import type { TUnitListItem } from '@commune-bench/domain';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { UnitFilters } from '../hooks/use-unit-filters';
import { unitsKeys } from './query-keys';

/** `GET /api/units`: public, but the token is sent when signed in. */
export function listUnits(filters: UnitFilters, signal?: AbortSignal): Promise<TUnitListItem[]> {
  return apiRequest<TUnitListItem[]>('/units', {
    query: {
      province: filters.province,
      type: filters.type,
      class: filters.class,
      year: filters.year,
      q: filters.q,
    },
    signal,
  });
}

export function listUnitsQueryOptions(filters: UnitFilters) {
  return queryOptions({
    queryKey: unitsKeys.list(filters),
    queryFn: ({ signal }) => listUnits(filters, signal),
  });
}

/** Keeps the previous rows on screen while the next filter's rows load. */
export function useUnits(filters: UnitFilters) {
  return useQuery({ ...listUnitsQueryOptions(filters), placeholderData: keepPreviousData });
}
