import { describe, expect, it } from 'vitest';
import { formatPercentVi } from './format.js';
import { rankUnits, type TRankEntry, type TRankOptions } from './rank.js';
import { ZRankedRow, ZExcludedRow } from './schemas.js';

const base: TRankOptions = { direction: 'higher_better', precision: 1, ties: 'competition' };

function entries(
  ...rows: [name: string, value: number | null, extra?: Partial<TRankEntry>][]
): TRankEntry[] {
  return rows.map(([name, value, extra], index) => ({
    unitId: `u${index + 1}`,
    unitName: name,
    value,
    ...extra,
  }));
}

function summary(result: ReturnType<typeof rankUnits>): [string, number][] {
  return result.rows.map((row) => [row.unitName, row.rank]);
}

describe('rankUnits: order and ties', () => {
  const field = () =>
    entries(['Xã A', 90], ['Xã B', 85], ['Xã C', 85], ['Xã D', 80], ['Xã E', 80], ['Xã F', 70]);

  it.each([
    [
      'competition',
      [
        ['Xã A', 1],
        ['Xã B', 2],
        ['Xã C', 2],
        ['Xã D', 4],
        ['Xã E', 4],
        ['Xã F', 6],
      ],
    ],
    [
      'dense',
      [
        ['Xã A', 1],
        ['Xã B', 2],
        ['Xã C', 2],
        ['Xã D', 3],
        ['Xã E', 3],
        ['Xã F', 4],
      ],
    ],
  ] as const)('%s ties', (ties, expected) => {
    const result = rankUnits(field(), { ...base, ties });
    expect(summary(result)).toEqual(expected);
    expect(result.total).toBe(6);
    for (const row of result.rows) expect(ZRankedRow.parse(row)).toEqual(row);
  });

  it.each([
    [
      'higher_better',
      [
        ['Cao', 1],
        ['Giữa', 2],
        ['Thấp', 3],
      ],
    ],
    [
      'lower_better',
      [
        ['Thấp', 1],
        ['Giữa', 2],
        ['Cao', 3],
      ],
    ],
  ] as const)('direction %s', (direction, expected) => {
    expect(
      summary(rankUnits(entries(['Giữa', 5], ['Thấp', 1], ['Cao', 9]), { ...base, direction })),
    ).toEqual(expected);
  });

  it.each([
    // 89.96 and 90.04 both read 90,0 at one decimal: a tie, listed by name.
    [
      1,
      [
        ['Xã Bình', 1, 90, '90,0'],
        ['Xã An', 1, 90, '90,0'],
      ].reverse(),
    ],
    [
      2,
      [
        ['Xã Bình', 1, 90.04, '90,04'],
        ['Xã An', 2, 89.96, '89,96'],
      ],
    ],
  ] as const)('ties are decided on the value rounded to %i decimals', (precision, expected) => {
    const result = rankUnits(entries(['Xã An', 89.96], ['Xã Bình', 90.04]), { ...base, precision });
    expect(result.rows.map((row) => [row.unitName, row.rank, row.value, row.displayValue])).toEqual(
      expected,
    );
  });

  it('lists a tie by Vietnamese name order, then by unit id', () => {
    const result = rankUnits(
      [
        { unitId: 'z', unitName: 'Ô Diên', value: 50 },
        { unitId: 'b', unitName: 'Đông Anh', value: 50 },
        { unitId: 'c', unitName: 'Oai', value: 50 },
        { unitId: 'y', unitName: 'Dương Nội', value: 50 },
        { unitId: 'a', unitName: 'Đông Anh', value: 50 },
      ],
      base,
    );
    expect(result.rows.map((row) => [row.unitId, row.rank])).toEqual([
      ['y', 1],
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['z', 1],
    ]);
  });

  it('formats values with formatNumberVi by default, or with options.format', () => {
    expect(rankUnits(entries(['A', 1234.56]), base).rows[0]?.displayValue).toBe('1.234,6');
    expect(
      rankUnits(entries(['A', 89.96]), { ...base, format: (value) => formatPercentVi(value, 1) })
        .rows[0]?.displayValue,
    ).toBe('90,0%');
  });

  it('carries the provisional flag', () => {
    const result = rankUnits(entries(['A', 2, { provisional: true }], ['B', 1]), base);
    expect(result.rows.map((row) => [row.unitName, row.provisional])).toEqual([
      ['A', true],
      ['B', false],
    ]);
  });
});

describe('rankUnits: units without data are listed apart', () => {
  it('with their reason, by name, and are not ranked', () => {
    const result = rankUnits(
      entries(
        ['Xã Yên', null],
        ['Xã An', 80],
        ['Xã Đông', 70, { excludedReason: 'not_verified' }],
        ['Xã Bắc', null, { excludedReason: 'not_in_cohort_that_year' }],
        ['Xã Cầu', 60],
      ),
      base,
    );
    expect(summary(result)).toEqual([
      ['Xã An', 1],
      ['Xã Cầu', 2],
    ]);
    expect(result.total).toBe(2);
    expect(result.excluded).toEqual([
      { unitId: 'u4', unitName: 'Xã Bắc', reason: 'not_in_cohort_that_year' },
      { unitId: 'u3', unitName: 'Xã Đông', reason: 'not_verified' },
      { unitId: 'u1', unitName: 'Xã Yên', reason: 'no_data' },
    ]);
    for (const row of result.excluded) expect(ZExcludedRow.parse(row)).toEqual(row);
  });

  it('gives an empty table when nobody has data', () => {
    expect(rankUnits(entries(['A', null]), base)).toEqual({
      rows: [],
      excluded: [{ unitId: 'u1', unitName: 'A', reason: 'no_data' }],
      total: 0,
    });
  });
});

describe('rankUnits: previous rank and change', () => {
  it.each([
    // unit, previous rank → rank, previousRank, change, isNew
    ['u1', 1, 1, 0, false],
    ['u2', 5, 2, 3, false], // ▲ 3
    ['u3', 2, 3, -1, false], // ▼ 1
    ['u4', undefined, 4, null, true], // new
  ] as const)('%s: previous %s', (unitId, previous, rank, change, isNew) => {
    const previousRanks = new Map<string, number>([
      ['u1', 1],
      ['u2', 5],
      ['u3', 2],
      ['gone', 3],
    ]);
    expect(previous === undefined ? previousRanks.has(unitId) : previousRanks.get(unitId)).toBe(
      previous ?? false,
    );
    const result = rankUnits(entries(['A', 90], ['B', 80], ['C', 70], ['D', 60]), {
      ...base,
      previousRanks,
    });
    const row = result.rows.find((candidate) => candidate.unitId === unitId);
    expect(row).toMatchObject({ rank, previousRank: previous ?? null, change, isNew });
  });

  it('change is computed against the shown (dense) rank', () => {
    const result = rankUnits(entries(['A', 90], ['B', 90], ['C', 80]), {
      ...base,
      ties: 'dense',
      previousRanks: new Map([['u3', 3]]),
    });
    expect(result.rows[2]).toMatchObject({ unitId: 'u3', rank: 2, previousRank: 3, change: 1 });
  });

  it('marks nobody as new when there is no previous ranking at all', () => {
    const result = rankUnits(entries(['A', 90], ['B', 80]), base);
    expect(result.rows.map((row) => [row.previousRank, row.change, row.isNew])).toEqual([
      [null, null, false],
      [null, null, false],
    ]);
  });
});

describe('rankUnits: top and around', () => {
  // ranks: A1 B2 C3 D3 E5 F6 G7
  const field = () =>
    entries(['A', 99], ['B', 90], ['C', 80], ['D', 80], ['E', 70], ['F', 60], ['G', 50]);

  it.each<[string, Partial<TRankOptions>, string[]]>([
    ['top 3 keeps both rows tied at rank 3', { top: 3 }, ['A', 'B', 'C', 'D']],
    ['top 4 stops before rank 5', { top: 4 }, ['A', 'B', 'C', 'D']],
    ['top 2', { top: 2 }, ['A', 'B']],
    ['top 1', { top: 1 }, ['A']],
    ['top larger than the field', { top: 50 }, ['A', 'B', 'C', 'D', 'E', 'F', 'G']],
    ['top 0', { top: 0 }, []],
    ['dense top 3 (A1 B2 C3 D3)', { top: 3, ties: 'dense' }, ['A', 'B', 'C', 'D']],
    ['dense top 4 reaches E (rank 4)', { top: 4, ties: 'dense' }, ['A', 'B', 'C', 'D', 'E']],
    ['around the middle ± 2', { around: 'u4', k: 2 }, ['B', 'C', 'D', 'E', 'F']],
    ['around the first row ± 2 (top edge)', { around: 'u1', k: 2 }, ['A', 'B', 'C']],
    ['around the last row ± 2 (bottom edge)', { around: 'u7', k: 2 }, ['E', 'F', 'G']],
    ['around the second row ± 3', { around: 'u2', k: 3 }, ['A', 'B', 'C', 'D', 'E']],
    ['around ± 0 is the unit alone', { around: 'u5', k: 0 }, ['E']],
    ['around with the default k = 2', { around: 'u4' }, ['B', 'C', 'D', 'E', 'F']],
    ['around ± 10 is everyone', { around: 'u4', k: 10 }, ['A', 'B', 'C', 'D', 'E', 'F', 'G']],
    ['around a unit that is not ranked', { around: 'nobody', k: 2 }, []],
    [
      'top and around combined: union in rank order',
      { top: 2, around: 'u6', k: 1 },
      ['A', 'B', 'E', 'F', 'G'],
    ],
    [
      'top and around overlapping: no duplicates',
      { top: 3, around: 'u2', k: 2 },
      ['A', 'B', 'C', 'D'],
    ],
    ['top with an unranked around: the top alone', { top: 1, around: 'nobody' }, ['A']],
  ])('%s', (_name, options, expected) => {
    const result = rankUnits(field(), { ...base, ...options });
    expect(result.rows.map((row) => row.unitName)).toEqual(expected);
    expect(result.total).toBe(7);
  });

  it('an around unit without data gets no rows but stays in excluded', () => {
    const result = rankUnits([...field(), { unitId: 'x', unitName: 'X', value: null }], {
      ...base,
      around: 'x',
      k: 2,
    });
    expect(result.rows).toEqual([]);
    expect(result.excluded.map((row) => row.unitId)).toEqual(['x']);
  });
});

describe('rankUnits: input errors', () => {
  it.each<[string, TRankEntry[], Partial<TRankOptions>]>([
    [
      'duplicate unit',
      [
        { unitId: 'a', unitName: 'A', value: 1 },
        { unitId: 'a', unitName: 'A', value: 2 },
      ],
      {},
    ],
    ['negative top', entries(['A', 1]), { top: -1 }],
    ['fractional k', entries(['A', 1]), { around: 'u1', k: 1.5 }],
    ['bad precision', entries(['A', 1]), { precision: -1 }],
    ['NaN value', entries(['A', Number.NaN]), {}],
  ])('%s → invalid_argument', (_name, rows, options) => {
    expect(() => rankUnits(rows, { ...base, ...options })).toThrow(
      expect.objectContaining({ code: 'invalid_argument' }) as Error,
    );
  });
});
