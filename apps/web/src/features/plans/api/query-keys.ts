export const plansKeys = {
  all: ['plans'] as const,
  lists: () => [...plansKeys.all, 'list'] as const,
  list: (unitId: string) => [...plansKeys.lists(), unitId] as const,
  details: () => [...plansKeys.all, 'detail'] as const,
  detail: (id: string) => [...plansKeys.details(), id] as const,
  cascade: (id: string) => [...plansKeys.all, 'cascade', id] as const,
};
