import type { UnitFilters } from '../hooks/use-unit-filters';

export const unitsKeys = {
  all: ['units'] as const,
  lists: () => [...unitsKeys.all, 'list'] as const,
  list: (filters: UnitFilters) => [...unitsKeys.lists(), filters] as const,
  details: () => [...unitsKeys.all, 'detail'] as const,
  detail: (id: string) => [...unitsKeys.details(), id] as const,
  provinces: () => [...unitsKeys.all, 'provinces'] as const,
};
