import type { TComparisonCell, TComparisonView, TRankedRow } from '@commune-bench/domain';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { getComparisonQueryOptions } from '../../comparisons/api/get-comparison';

/** The comparisons endpoint takes at most 10 units a request. */
const UNITS_PER_REQUEST = 10;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Each ranked unit's own target for the indicator and how its result stands against it (from
 * `GET /api/comparisons`, 10 units a request). `readableUnitIds` limits it to units the user may
 * compare (commune staff: their own unit only).
 */
export function useTargetStatuses(
  rows: readonly TRankedRow[],
  indicator: string,
  period: string,
  options: { enabled: boolean; readableUnitIds?: ReadonlySet<string> },
): { cells: Map<string, TComparisonCell>; isPending: boolean } {
  const unitIds = useMemo(
    () =>
      rows
        .map((row) => row.unitId)
        .filter((id) => options.readableUnitIds === undefined || options.readableUnitIds.has(id)),
    [rows, options.readableUnitIds],
  );
  const combine = useCallback(
    (results: UseQueryResult<TComparisonView>[]) => {
      const cells = new Map<string, TComparisonCell>();
      for (const result of results) {
        for (const row of result.data?.rows ?? []) {
          if (row.indicatorCode !== indicator) continue;
          for (const cell of row.cells) if (cell.target !== null) cells.set(cell.unitId, cell);
        }
      }
      return {
        cells,
        isPending: options.enabled && results.some((result) => result.isPending),
      };
    },
    [indicator, options.enabled],
  );
  return useQueries({
    queries: chunk(unitIds, UNITS_PER_REQUEST).map((ids) => ({
      ...getComparisonQueryOptions({ unitIds: ids, period, indicators: [indicator] }),
      enabled: options.enabled,
    })),
    combine,
  });
}
