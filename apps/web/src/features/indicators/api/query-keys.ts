export const indicatorsKeys = {
  all: ['indicators'] as const,
  list: () => [...indicatorsKeys.all, 'list'] as const,
};
