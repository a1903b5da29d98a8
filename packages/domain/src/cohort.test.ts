import { describe, expect, it } from 'vitest';
import {
  classificationForYear,
  cohortMembership,
  describeCohortVi,
  isUnitActiveInYear,
} from './cohort.js';
import type { TCohortRule, TUnitClass } from './schemas.js';
import { buildClassification, buildUnit } from './testing/index.js';

describe('classificationForYear', () => {
  // Class III until mid-2026, then II (new decision), then I from 2028.
  const history = () => [
    buildClassification({
      unitId: 'u',
      class: 'III',
      validFrom: '2025-07-01',
      validTo: '2026-06-30',
    }),
    buildClassification({
      unitId: 'u',
      class: 'II',
      validFrom: '2026-07-01',
      validTo: '2027-12-31',
    }),
    buildClassification({ unitId: 'u', class: 'I', validFrom: '2028-01-01', validTo: null }),
  ];

  it.each([
    [2024, null],
    [2025, 'III'],
    [2026, 'II'], // in force on 31/12/2026
    [2027, 'II'], // validTo 31/12/2027 still counts
    [2028, 'I'],
    [2035, 'I'],
  ] as const)('year %i → %s', (year, expected) => {
    expect(classificationForYear(history(), year)?.class ?? null).toBe(expected);
    expect(classificationForYear([...history()].reverse(), year)?.class ?? null).toBe(expected);
  });

  it.each([
    // none in force on 31/12: the latest one that started within the year
    [
      [
        ['II', '2026-02-01', '2026-05-31'],
        ['III', '2026-06-01', '2026-11-30'],
      ],
      2026,
      'III',
    ],
    // one that started earlier and ended within the year does not count
    [[['II', '2020-01-01', '2026-06-30']], 2026, null],
    // overlapping decisions: the later start wins
    [
      [
        ['III', '2025-07-01', null],
        ['II', '2026-03-01', null],
      ],
      2026,
      'II',
    ],
    [
      [
        ['III', '2025-07-01', null],
        ['II', '2026-03-01', null],
      ],
      2025,
      'III',
    ],
    // started after the year
    [[['I', '2027-01-01', null]], 2026, null],
    // inverted interval is ignored
    [[['I', '2026-05-01', '2026-04-01']], 2026, null],
  ] as const)('%j in %i → %s', (rows, year, expected) => {
    const classifications = rows.map(([cls, validFrom, validTo]) =>
      buildClassification({ unitId: 'u', class: cls as TUnitClass, validFrom, validTo }),
    );
    expect(classificationForYear(classifications, year)?.class ?? null).toBe(expected);
  });

  it('returns null for no classification', () => {
    expect(classificationForYear([], 2026)).toBeNull();
  });
});

describe('isUnitActiveInYear', () => {
  it.each([
    [null, null, 2020, true],
    ['2025-07-01', null, 2025, true],
    ['2025-07-01', null, 2024, false],
    [null, '2025-06-30', 2025, true], // merged on 1/7/2025: still part of 2025
    [null, '2025-06-30', 2026, false],
    ['2025-07-01', '2025-07-01', 2025, true],
    [null, '2024-12-31', 2025, false],
    ['2026-01-01', null, 2025, false],
  ])('validFrom %s, validTo %s: active in %i = %s', (validFrom, validTo, year, expected) => {
    expect(isUnitActiveInYear(buildUnit({ validFrom, validTo }), year)).toBe(expected);
  });
});

describe('cohortMembership', () => {
  const unit = () =>
    buildUnit({
      id: 'xa-1',
      type: 'xa',
      provinceCode: 'HN',
      validFrom: '2025-07-01',
      validTo: null,
    });
  const classes = () => [
    buildClassification({
      unitId: 'xa-1',
      class: 'II',
      validFrom: '2025-07-01',
      validTo: '2026-12-30',
    }),
    buildClassification({ unitId: 'xa-1', class: 'I', validFrom: '2026-12-31', validTo: null }),
    // another unit's row must not count
    buildClassification({ unitId: 'xa-2', class: 'III', validFrom: '2025-07-01', validTo: null }),
  ];
  const yes = { member: true };
  const no = { member: false, reason: 'not_in_cohort_that_year' };

  it.each<[string, TCohortRule, number, typeof yes | typeof no]>([
    ['empty rule', {}, 2026, yes],
    ['province matches', { province: 'HN' }, 2026, yes],
    ['other province', { province: 'HCM' }, 2026, no],
    ['type matches', { unitTypes: ['xa', 'phuong'] }, 2026, yes],
    ['other type', { unitTypes: ['phuong'] }, 2026, no],
    ['empty type list does not restrict', { unitTypes: [] }, 2026, yes],
    ['class I in 2026 (changed on 31/12)', { classes: ['I'] }, 2026, yes],
    ['class II in 2025', { classes: ['II'] }, 2025, yes],
    ['class I in 2025: was II then', { classes: ['I'] }, 2025, no],
    ['class II in 2026: became I', { classes: ['II'] }, 2026, no],
    ['class III is the other unit', { classes: ['III'] }, 2026, no],
    ['not yet existing in 2024', {}, 2024, no],
    [
      'no classification in 2024 (and inactive)',
      { classes: ['I', 'II', 'III', 'special'] },
      2024,
      no,
    ],
    ['explicit ids include it', { explicitUnitIds: ['xa-1', 'xa-9'] }, 2026, yes],
    ['explicit ids exclude it', { explicitUnitIds: ['xa-9'] }, 2026, no],
    [
      'all conditions',
      { province: 'HN', unitTypes: ['xa'], classes: ['I'], explicitUnitIds: ['xa-1'] },
      2027,
      yes,
    ],
    [
      'all but one',
      { province: 'HN', unitTypes: ['xa'], classes: ['I'], explicitUnitIds: ['xa-1'] },
      2025,
      no,
    ],
  ])('%s', (_name, rule, year, expected) => {
    expect(cohortMembership(unit(), classes(), rule, year)).toEqual(expected);
  });

  it('a unit without classification is not in a class-restricted cohort, but is in an unrestricted one', () => {
    const lone = buildUnit({ validFrom: null });
    expect(cohortMembership(lone, [], { classes: ['III'] }, 2026)).toEqual(no);
    expect(cohortMembership(lone, [], { unitTypes: ['xa'] }, 2026)).toEqual(yes);
  });

  it('a merged unit leaves its cohorts after its last year', () => {
    const merged = buildUnit({
      id: 'old',
      type: 'thi_tran',
      validFrom: null,
      validTo: '2025-06-30',
    });
    const rule: TCohortRule = { unitTypes: ['thi_tran'] };
    expect(cohortMembership(merged, [], rule, 2025)).toEqual(yes);
    expect(cohortMembership(merged, [], rule, 2026)).toEqual(no);
  });
});

describe('describeCohortVi', () => {
  it.each<[TCohortRule, string]>([
    [{ province: 'HN', unitTypes: ['xa'], classes: ['I'] }, 'xã loại I, tỉnh/thành HN'],
    [{}, 'tất cả đơn vị'],
    [{ province: 'HN' }, 'tất cả đơn vị, tỉnh/thành HN'],
    [{ classes: ['II', 'I'] }, 'đơn vị loại I, II'],
    [{ unitTypes: ['phuong', 'dac_khu'], classes: ['special'] }, 'phường, đặc khu loại đặc biệt'],
    [{ unitTypes: ['xa', 'xa'] }, 'xã'],
    [{ explicitUnitIds: ['a', 'b', 'c'] }, 'tất cả đơn vị, trong danh sách 3 đơn vị chọn riêng'],
    [
      { unitTypes: ['thi_tran', 'thanh_pho_tw'], explicitUnitIds: [] },
      'thị trấn, thành phố trực thuộc trung ương',
    ],
  ])('%j → %s', (rule, expected) => {
    expect(describeCohortVi(rule)).toBe(expected);
  });

  it('names the province when a lookup is given', () => {
    const names: Record<string, string> = { HN: 'Hà Nội' };
    expect(
      describeCohortVi(
        { province: 'HN', unitTypes: ['xa'] },
        { provinceName: (code) => names[code] },
      ),
    ).toBe('xã, tỉnh/thành Hà Nội');
    expect(describeCohortVi({ province: 'XX' }, { provinceName: (code) => names[code] })).toBe(
      'tất cả đơn vị, tỉnh/thành XX',
    );
  });
});
