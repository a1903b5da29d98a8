import { isValidPeriod } from '@commune-bench/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from '../../../lib/router';
import { DEFAULT_RANKING_INDICATOR, defaultPeriod } from '../../rankings/hooks/use-ranking-filters';

export interface OverviewFilters {
  indicator: string;
  period: string;
}

export function parseOverviewFilters(params: URLSearchParams, period: string): OverviewFilters {
  const indicator = params.get('indicator')?.trim() ?? '';
  const chosen = params.get('period')?.trim() ?? '';
  return {
    indicator: /^(composite|[A-Z]+\.[A-Z0-9_]+)$/.test(indicator)
      ? indicator
      : DEFAULT_RANKING_INDICATOR,
    period: isValidPeriod(chosen) ? chosen : period,
  };
}

export function useOverviewFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseOverviewFilters(params, defaultPeriod()), [params]);
  const setFilters = useCallback(
    (changes: Partial<OverviewFilters>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) if (value) next.set(key, value);
      setParams(next);
    },
    [params, setParams],
  );
  return { filters, setFilters };
}
