import type { RankingParams } from './get-ranking';

export const rankingsKeys = {
  all: ['rankings'] as const,
  views: () => [...rankingsKeys.all, 'view'] as const,
  view: (params: RankingParams) => [...rankingsKeys.views(), params] as const,
};
