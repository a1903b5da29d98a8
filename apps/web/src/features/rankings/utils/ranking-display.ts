import {
  formatIndicatorValue,
  roundTo,
  type TIndicator,
  type TRankedRow,
} from '@commune-bench/domain';

export type ChangeDisplay =
  | { kind: 'up'; text: string; label: string }
  | { kind: 'down'; text: string; label: string }
  | { kind: 'same'; text: string; label: string }
  | { kind: 'new'; text: string; label: string }
  | { kind: 'none'; text: string; label: string };

/** `▲ 3` (moved up three places), `▼ 1`, `=` (unchanged), `Mới` (not ranked last period). */
export function describeChange(
  row: Pick<TRankedRow, 'change' | 'isNew' | 'previousRank'>,
): ChangeDisplay {
  if (row.isNew) return { kind: 'new', text: 'Mới', label: 'Mới vào bảng xếp hạng kỳ này' };
  if (row.change === null) return { kind: 'none', text: '', label: 'Không có hạng kỳ trước' };
  if (row.change > 0)
    return {
      kind: 'up',
      text: `▲ ${row.change}`,
      label: `Tăng ${row.change} bậc (kỳ trước hạng ${row.previousRank ?? '?'})`,
    };
  if (row.change < 0)
    return {
      kind: 'down',
      text: `▼ ${-row.change}`,
      label: `Giảm ${-row.change} bậc (kỳ trước hạng ${row.previousRank ?? '?'})`,
    };
  return { kind: 'same', text: '=', label: 'Giữ nguyên hạng' };
}

/** The value as people read it: `89,5%` for a percentage, `0,8529` for DTI, the API's text otherwise. */
export function formatRankedValue(
  row: Pick<TRankedRow, 'value' | 'displayValue'>,
  indicator: TIndicator | undefined,
): string {
  return indicator ? formatIndicatorValue(row.value, indicator) : row.displayValue;
}

/** Ranks held by more than one row (shown as ties). */
export function tiedRanks(rows: readonly Pick<TRankedRow, 'rank'>[]): Set<number> {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.rank, (counts.get(row.rank) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count > 1).map(([rank]) => rank));
}

/**
 * How far a unit is from the next better rank: the row just above it in the table with a better
 * rank, and the difference of the (rounded) values. Null for the leader or an unranked unit.
 */
export function distanceToNextRank(
  rows: readonly TRankedRow[],
  unitId: string,
  precision: number,
): { rank: number; unitName: string; difference: number } | null {
  const index = rows.findIndex((row) => row.unitId === unitId);
  const own = rows[index];
  if (own === undefined) return null;
  for (let position = index - 1; position >= 0; position -= 1) {
    const above = rows[position];
    if (above !== undefined && above.rank < own.rank) {
      return {
        rank: above.rank,
        unitName: above.unitName,
        difference: roundTo(Math.abs(above.value - own.value), precision),
      };
    }
  }
  return null;
}
