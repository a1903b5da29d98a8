import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundTo } from './format.js';
import { rankUnits, type TRankEntry, type TRankOptions } from './rank.js';

const NAMES = [
  'Đông Anh',
  'Dương Nội',
  'Ô Diên',
  'Oai',
  'An Khánh',
  'Ân Thi',
  'Ba Vì',
  'Hà Đông',
  'Phường 2',
  'Phường 10',
];

/** Entries with unique ids; values drawn from a small grid so that ties (also after rounding) are common. */
const entriesArbitrary = fc
  .uniqueArray(
    fc.record({
      unitId: fc.stringMatching(/^[a-z0-9]{1,6}$/),
      unitName: fc.constantFrom(...NAMES),
      value: fc.option(
        fc.integer({ min: 0, max: 40 }).map((n) => n * 2.5 + 0.04),
        { nil: null, freq: 5 },
      ),
      excluded: fc.boolean(),
    }),
    { selector: (entry) => entry.unitId, maxLength: 30 },
  )
  .map((rows) =>
    rows.map(({ unitId, unitName, value, excluded }): TRankEntry => ({
      unitId,
      unitName,
      value,
      ...(excluded && value !== null && unitId.length === 1
        ? { excludedReason: 'not_verified' as const }
        : {}),
    })),
  );

const optionsArbitrary = fc.record({
  direction: fc.constantFrom('higher_better' as const, 'lower_better' as const),
  precision: fc.integer({ min: 0, max: 2 }),
  ties: fc.constantFrom('competition' as const, 'dense' as const),
});

function rankById(entries: readonly TRankEntry[], options: TRankOptions): Map<string, number> {
  return new Map(rankUnits(entries, options).rows.map((row) => [row.unitId, row.rank]));
}

describe('rankUnits properties', () => {
  it('does not depend on input order', () => {
    const withPermutation = entriesArbitrary.chain((entries) =>
      fc.tuple(
        fc.constant(entries),
        fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
      ),
    );
    fc.assert(
      fc.property(withPermutation, optionsArbitrary, ([entries, shuffled], options) => {
        expect(rankById(shuffled, options)).toEqual(rankById(entries, options));
        expect(rankUnits(shuffled, options)).toEqual(rankUnits(entries, options));
      }),
    );
  });

  it('lists every input unit exactly once, ranked or excluded', () => {
    fc.assert(
      fc.property(entriesArbitrary, optionsArbitrary, (entries, options) => {
        const result = rankUnits(entries, options);
        const ids = [
          ...result.rows.map((row) => row.unitId),
          ...result.excluded.map((row) => row.unitId),
        ];
        expect([...ids].sort()).toEqual(entries.map((entry) => entry.unitId).sort());
        expect(result.total).toBe(result.rows.length);
        expect(result.excluded.length).toBe(
          entries.filter((entry) => entry.value === null || entry.excludedReason !== undefined)
            .length,
        );
      }),
    );
  });

  it('gives equal rounded values the same rank, and better values a better rank', () => {
    fc.assert(
      fc.property(entriesArbitrary, optionsArbitrary, (entries, options) => {
        const rows = rankUnits(entries, options).rows;
        for (const a of rows) {
          expect(a.value).toBe(roundTo(a.value, options.precision));
          for (const b of rows) {
            if (a.value === b.value) expect(a.rank).toBe(b.rank);
            const aBetter =
              options.direction === 'higher_better' ? a.value > b.value : a.value < b.value;
            if (aBetter) expect(a.rank).toBeLessThan(b.rank);
          }
        }
      }),
    );
  });

  it('competition ranks: a new value ranks 1 + the number of rows before it', () => {
    fc.assert(
      fc.property(entriesArbitrary, optionsArbitrary, (entries, options) => {
        const rows = rankUnits(entries, { ...options, ties: 'competition' }).rows;
        rows.forEach((row, position) => {
          const before = rows[position - 1];
          if (before === undefined) expect(row.rank).toBe(1);
          else if (before.value !== row.value) expect(row.rank).toBe(position + 1);
          else expect(row.rank).toBe(before.rank);
        });
      }),
    );
  });

  it('dense ranks are consecutive: 1, then +1 on each new value', () => {
    fc.assert(
      fc.property(entriesArbitrary, optionsArbitrary, (entries, options) => {
        const rows = rankUnits(entries, { ...options, ties: 'dense' }).rows;
        rows.forEach((row, position) => {
          const before = rows[position - 1];
          if (before === undefined) expect(row.rank).toBe(1);
          else expect(row.rank).toBe(before.value === row.value ? before.rank : before.rank + 1);
        });
        const distinct = new Set(rows.map((row) => row.value)).size;
        expect(rows.at(-1)?.rank ?? 0).toBe(distinct);
      }),
    );
  });

  it('top keeps exactly the rows ranked within it; around keeps a window of at most 2k + 1 rows', () => {
    fc.assert(
      fc.property(
        entriesArbitrary,
        optionsArbitrary,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 5 }),
        (entries, options, top, k) => {
          const all = rankUnits(entries, options).rows;
          expect(rankUnits(entries, { ...options, top }).rows).toEqual(
            all.filter((row) => row.rank <= top),
          );
          const center = all[Math.floor(all.length / 2)];
          if (center !== undefined) {
            const window = rankUnits(entries, { ...options, around: center.unitId, k }).rows;
            expect(window.length).toBeLessThanOrEqual(2 * k + 1);
            expect(window.map((row) => row.unitId)).toContain(center.unitId);
            const start = all.findIndex((row) => row.unitId === window[0]?.unitId);
            expect(window).toEqual(all.slice(start, start + window.length));
          }
        },
      ),
    );
  });
});
