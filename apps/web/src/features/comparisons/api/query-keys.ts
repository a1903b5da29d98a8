import type { ComparisonParams } from './get-comparison';

export const comparisonsKeys = {
  all: ['comparisons'] as const,
  views: () => [...comparisonsKeys.all, 'view'] as const,
  view: (params: ComparisonParams) => [...comparisonsKeys.views(), params] as const,
};
