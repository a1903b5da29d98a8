/** League tables: one ranking function for the API, the exports and the web preview. */
import { DomainError } from './errors.js';
import { compareVi, formatNumberVi, roundTo } from './format.js';
import type { TDirection, TExcludedReason, TExcludedRow, TRankedRow, TTieRule } from './schemas.js';

export interface TRankEntry {
  readonly unitId: string;
  readonly unitName: string;
  /** The unit's value for the period; null = no data (listed apart). */
  readonly value: number | null;
  /** Set to list the unit apart for this reason even when it has a value. */
  readonly excludedReason?: TExcludedReason;
  /** E.g. a submitted, not yet verified result admitted by a flag. */
  readonly provisional?: boolean;
}

export interface TRankOptions {
  readonly direction: TDirection;
  /** Decimals values are rounded to before ranking (the indicator's display precision). */
  readonly precision: number;
  readonly ties: TTieRule;
  /** Ranks in the previous period, same cohort. Absent: no comparison is made (nobody is "new"). */
  readonly previousRanks?: ReadonlyMap<string, number>;
  /** Keep rows ranked 1..top (every row tied at the boundary stays). */
  readonly top?: number;
  /** Keep the rows within `k` list positions of this unit. */
  readonly around?: string;
  /** Neighbours on each side of `around`; default 2. */
  readonly k?: number;
  /** Display of a (rounded) value; default `formatNumberVi(value, precision)`. */
  readonly format?: (value: number) => string;
}

export interface TRankResult {
  readonly rows: TRankedRow[];
  readonly excluded: TExcludedRow[];
  /** Number of ranked units, before `top`/`around` filtering. */
  readonly total: number;
}

export const DEFAULT_AROUND_K = 2;

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertCount(value: number | undefined, name: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    throw new DomainError(
      'invalid_argument',
      `Tham số ${name} không hợp lệ: ${String(value)} (cần số nguyên không âm).`,
      { [name]: value },
    );
  }
}

/**
 * Ranks units on their values rounded to `precision` (what a person reads is what is ranked).
 * Higher or lower first by `direction`; ties share a rank: competition 1, 2, 2, 4 (default) or dense
 * 1, 2, 2, 3; within a tie rows are listed by unit name (Vietnamese collation), then unit id.
 * Units with no value or with an `excludedReason` are listed in `excluded` (default reason `no_data`),
 * by name. `change` = previous rank − rank (positive = moved up); `isNew` when `previousRanks` is given
 * and lacks the unit. `top` and `around`/`k` filter the rows; combined they give the union in rank
 * order; an `around` unit that is not ranked adds no rows.
 */
export function rankUnits(entries: readonly TRankEntry[], options: TRankOptions): TRankResult {
  assertCount(options.top, 'top');
  assertCount(options.k, 'k');
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.unitId)) {
      throw new DomainError(
        'invalid_argument',
        `Đơn vị ${entry.unitId} xuất hiện nhiều lần trong bảng xếp hạng.`,
        { unitId: entry.unitId },
      );
    }
    seen.add(entry.unitId);
  }

  const byName = (
    a: { unitName: string; unitId: string },
    b: { unitName: string; unitId: string },
  ): number => compareVi(a.unitName, b.unitName) || compareIds(a.unitId, b.unitId);

  const excluded: TExcludedRow[] = entries
    .filter((entry) => entry.value === null || entry.excludedReason !== undefined)
    .map((entry) => ({
      unitId: entry.unitId,
      unitName: entry.unitName,
      reason: entry.excludedReason ?? 'no_data',
    }))
    .sort(byName);

  const sign = options.direction === 'higher_better' ? -1 : 1;
  const ranked = entries
    .filter(
      (entry): entry is TRankEntry & { value: number } =>
        entry.value !== null && entry.excludedReason === undefined,
    )
    .map((entry) => ({ entry, value: roundTo(entry.value, options.precision) }))
    .sort((a, b) => sign * (a.value - b.value) || byName(a.entry, b.entry));

  const format = options.format ?? ((value: number) => formatNumberVi(value, options.precision));
  const rows: TRankedRow[] = [];
  let rank = 0;
  let denseRank = 0;
  let previousValue: number | undefined;
  ranked.forEach(({ entry, value }, position) => {
    if (previousValue === undefined || value !== previousValue) {
      rank = position + 1;
      denseRank += 1;
      previousValue = value;
    }
    const shownRank = options.ties === 'dense' ? denseRank : rank;
    const previousRank = options.previousRanks?.get(entry.unitId) ?? null;
    rows.push({
      unitId: entry.unitId,
      unitName: entry.unitName,
      rank: shownRank,
      value,
      displayValue: format(value),
      previousRank,
      change: previousRank === null ? null : previousRank - shownRank,
      isNew: options.previousRanks !== undefined && previousRank === null,
      provisional: entry.provisional ?? false,
    });
  });

  return { rows: filterRows(rows, options), excluded, total: rows.length };
}

function filterRows(rows: TRankedRow[], options: TRankOptions): TRankedRow[] {
  const { top, around } = options;
  if (top === undefined && around === undefined) return rows;
  const keep = new Set<number>();
  if (top !== undefined) {
    rows.forEach((row, position) => {
      if (row.rank <= top) keep.add(position);
    });
  }
  if (around !== undefined) {
    const center = rows.findIndex((row) => row.unitId === around);
    if (center >= 0) {
      const k = options.k ?? DEFAULT_AROUND_K;
      for (
        let position = Math.max(0, center - k);
        position <= Math.min(rows.length - 1, center + k);
        position += 1
      )
        keep.add(position);
    }
  }
  return rows.filter((_row, position) => keep.has(position));
}
