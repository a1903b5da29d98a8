import { isValidPeriod } from '@commune-bench/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from '../../../lib/router';

export const MAX_COMPARED_UNITS = 6;
export const MIN_COMPARED_UNITS = 2;

export interface ComparisonFilters {
  unitIds: string[];
  period: string;
  /** The indicator the chart shows. */
  chart?: string;
}

export function parseComparisonFilters(
  params: URLSearchParams,
  defaultPeriod: string,
): ComparisonFilters {
  const unitIds = [
    ...new Set(
      (params.get('units') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0 && id.length <= 64),
    ),
  ].slice(0, MAX_COMPARED_UNITS);
  const period = params.get('period')?.trim() ?? '';
  const chart = params.get('chart')?.trim();
  return {
    unitIds,
    period: isValidPeriod(period) ? period : defaultPeriod,
    ...(chart ? { chart } : {}),
  };
}

export function applyComparisonChanges(
  params: URLSearchParams,
  changes: Partial<ComparisonFilters>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  if ('unitIds' in changes) {
    const ids = changes.unitIds ?? [];
    if (ids.length > 0) next.set('units', ids.join(','));
    else next.delete('units');
  }
  if (changes.period !== undefined) next.set('period', changes.period);
  if ('chart' in changes) {
    if (changes.chart) next.set('chart', changes.chart);
    else next.delete('chart');
  }
  return next;
}

export function useComparisonFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () => parseComparisonFilters(params, String(new Date().getFullYear())),
    [params],
  );
  const setFilters = useCallback(
    (changes: Partial<ComparisonFilters>) => setParams(applyComparisonChanges(params, changes)),
    [params, setParams],
  );
  return { filters, setFilters };
}
