import type { TResultQuery } from '@commune-bench/domain';

export const resultsKeys = {
  all: ['results'] as const,
  lists: () => [...resultsKeys.all, 'list'] as const,
  list: (query: TResultQuery) => [...resultsKeys.lists(), query] as const,
};
