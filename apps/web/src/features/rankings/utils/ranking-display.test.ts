import { findIndicator, type TRankedRow } from '@commune-bench/domain';
import { describe, expect, it } from 'vitest';
import { withGaps } from '../../overview/components/top-around-table';
import {
  describeChange,
  distanceToNextRank,
  formatRankedValue,
  tiedRanks,
} from './ranking-display';

function row(overrides: Partial<TRankedRow>): TRankedRow {
  return {
    unitId: overrides.unitName ?? 'u',
    unitName: 'Xã',
    rank: 1,
    value: 1,
    displayValue: '1',
    previousRank: null,
    change: null,
    isNew: false,
    provisional: false,
    ...overrides,
  };
}

describe('describeChange', () => {
  it.each([
    [{ change: 3, previousRank: 8 }, 'up', '▲ 3'],
    [{ change: -1, previousRank: 1 }, 'down', '▼ 1'],
    [{ change: 0, previousRank: 4 }, 'same', '='],
    [{ isNew: true }, 'new', 'Mới'],
    [{}, 'none', ''],
  ] as const)('%j → %s %s', (overrides, kind, text) => {
    expect(describeChange(row(overrides))).toMatchObject({ kind, text });
  });
});

describe('tiedRanks and distanceToNextRank', () => {
  // Competition ranking 1, 2, 2, 4 (values rounded to 4 decimals by the API).
  const rows = [
    row({ unitId: 'a', unitName: 'A', rank: 1, value: 0.9 }),
    row({ unitId: 'b', unitName: 'B', rank: 2, value: 0.85 }),
    row({ unitId: 'c', unitName: 'C', rank: 2, value: 0.85 }),
    row({ unitId: 'd', unitName: 'D', rank: 4, value: 0.8123 }),
  ];

  it('finds the shared ranks', () => {
    expect([...tiedRanks(rows)]).toEqual([2]);
  });

  it('measures the gap to the next better rank, skipping units tied with me', () => {
    expect(distanceToNextRank(rows, 'd', 4)).toEqual({
      rank: 2,
      unitName: 'C',
      difference: 0.0377,
    });
    expect(distanceToNextRank(rows, 'c', 4)).toEqual({ rank: 1, unitName: 'A', difference: 0.05 });
    expect(distanceToNextRank(rows, 'a', 4)).toBeNull();
    expect(distanceToNextRank(rows, 'nobody', 4)).toBeNull();
  });
});

describe('formatRankedValue', () => {
  it("shows the indicator's unit, else the API's text", () => {
    const percent = findIndicator('TTHC.ONTIME');
    expect(formatRankedValue(row({ value: 89.5, displayValue: '89,5' }), percent)).toBe('89,5%');
    expect(formatRankedValue(row({ value: 0.8529, displayValue: '0,8529' }), undefined)).toBe(
      '0,8529',
    );
  });
});

describe('withGaps (top 10, then my commune ±3)', () => {
  it('puts a gap between the leaders and my neighbours, not after a tie', () => {
    const items = withGaps([
      row({ unitId: 'a', rank: 1 }),
      row({ unitId: 'b', rank: 2 }),
      row({ unitId: 'c', rank: 2 }),
      row({ unitId: 'd', rank: 4 }),
      row({ unitId: 'x', rank: 19 }),
      row({ unitId: 'y', rank: 20 }),
    ]);
    expect(items.map((item) => (item.kind === 'gap' ? '…' : item.row.unitId))).toEqual([
      'a',
      'b',
      'c',
      'd',
      '…',
      'x',
      'y',
    ]);
  });
});
