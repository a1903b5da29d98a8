import { describe, expect, it } from 'vitest';
import { findIndicator } from './catalog.js';
import { buildComparison, pickTargetForYear, type TComparisonInput } from './comparison.js';
import type { TSeriesPoint } from './evaluate.js';
import {
  ZComparisonView,
  type TCohortRule,
  type TComparisonRow,
  type TIndicator,
  type TTarget,
} from './schemas.js';
import { buildIndicator, buildTarget, buildUnit } from './testing/index.js';

const XA_LOAI_I: TCohortRule = { province: 'HN', unitTypes: ['xa'], classes: ['I'] };

describe('pickTargetForYear', () => {
  it.each([
    [[2025, 2027, 2030], 2026, 2027],
    [[2030, 2026, 2027], 2026, 2026],
    [[2023, 2025], 2026, 2025],
    [[2026], 2026, 2026],
  ])('due years %j in %i → %i', (years, year, expected) => {
    expect(
      pickTargetForYear(
        years.map((dueYear) => buildTarget({ dueYear })),
        year,
      )?.dueYear,
    ).toBe(expected);
  });

  it('keeps the first of targets due the same year, and null for none', () => {
    const first = buildTarget({ dueYear: 2027, value: 80 });
    expect(pickTargetForYear([first, buildTarget({ dueYear: 2027, value: 95 })], 2026)).toBe(first);
    expect(pickTargetForYear([], 2026)).toBeNull();
  });
});

function fixture() {
  const units = [
    buildUnit({ id: 'a', name: 'Xã An Khánh' }),
    buildUnit({ id: 'b', name: 'Xã Ba Vì' }),
    buildUnit({ id: 'c', name: 'Phường Cầu Giấy', type: 'phuong' }),
  ];
  const custom = buildIndicator({ code: 'TTHC.CUSTOM_A', area: 'TTHC', precision: 0 });
  const targets = new Map<string, TTarget[]>([
    [
      'a',
      [
        buildTarget({ indicatorCode: 'TTHC.ONTIME', comparator: 'gte', value: 95, dueYear: 2030 }),
        buildTarget({ indicatorCode: 'TTHC.ONTIME', comparator: 'gte', value: 90, dueYear: 2026 }),
        buildTarget({
          indicatorCode: 'CQS.DTI',
          comparator: 'top_n',
          value: 10,
          unit: 'rank',
          cohort: XA_LOAI_I,
          dueYear: 2026,
        }),
        buildTarget({
          indicatorCode: null,
          label: 'Tổ chức hội nghị',
          comparator: 'milestone',
          value: null,
        }),
        buildTarget({
          indicatorCode: 'CDDH.INSPECT_COVERAGE',
          comparator: 'gte',
          value: 30,
          dueYear: 2025,
        }),
        buildTarget({ indicatorCode: 'TTHC.CUSTOM_A', comparator: 'gte', value: 3, dueYear: 2026 }),
      ],
    ],
    [
      'b',
      [
        buildTarget({ indicatorCode: 'TTHC.ONTIME', comparator: 'gte', value: 85, dueYear: 2026 }),
        buildTarget({
          indicatorCode: 'CQS.DTI',
          comparator: 'top_n',
          value: 5,
          unit: 'rank',
          cohort: XA_LOAI_I,
          dueYear: 2026,
        }),
        buildTarget({
          indicatorCode: 'CDDH.PAR_INDEX',
          comparator: 'gte',
          value: 85,
          dueYear: 2026,
        }),
      ],
    ],
    [
      'c',
      [buildTarget({ indicatorCode: 'TTHC.ONTIME', comparator: 'gte', value: 90, dueYear: 2026 })],
    ],
  ]);
  const series = new Map<string, Map<string, TSeriesPoint[]>>([
    [
      'a',
      new Map([
        [
          'TTHC.ONTIME',
          [
            { period: '2025', value: 80 },
            { period: '2026', value: 92 },
          ],
        ],
      ]),
    ],
    ['c', new Map([['TTHC.ONTIME', [{ period: '2026', value: 89.94 }]]])],
  ]);
  const rankCalls: [string, string, string, TCohortRule | null][] = [];
  const input: TComparisonInput = {
    period: '2026',
    units,
    targetsByUnit: targets,
    seriesByUnit: series,
    indicators: (code) => (code === custom.code ? custom : findIndicator(code)),
    rankAt: (unitId, code, period, cohort) => {
      rankCalls.push([unitId, code, period, cohort]);
      return unitId === 'a' ? { rank: 7, size: 40 } : unitId === 'b' ? { rank: 6, size: 40 } : null;
    },
  };
  return { input, rankCalls };
}

function row(rows: TComparisonRow[], code: string): TComparisonRow {
  const found = rows.find((candidate) => candidate.indicatorCode === code);
  if (found === undefined) throw new Error(`no row ${code}`);
  return found;
}

describe('buildComparison', () => {
  it('has one row per targeted indicator, by area, then catalog order, then code', () => {
    const view = buildComparison(fixture().input);
    expect(ZComparisonView.parse(view)).toEqual(view);
    expect(view.rows.map((r) => [r.area, r.indicatorCode])).toEqual([
      ['CDDH', 'CDDH.PAR_INDEX'],
      ['CDDH', 'CDDH.INSPECT_COVERAGE'],
      ['TTHC', 'TTHC.ONTIME'],
      ['TTHC', 'TTHC.CUSTOM_A'],
      ['CQS', 'CQS.DTI'],
    ]);
    expect(view.period).toBe('2026');
    expect(view.units).toEqual([
      { id: 'a', name: 'Xã An Khánh', type: 'xa', provinceCode: 'HN' },
      { id: 'b', name: 'Xã Ba Vì', type: 'xa', provinceCode: 'HN' },
      { id: 'c', name: 'Phường Cầu Giấy', type: 'phuong', provinceCode: 'HN' },
    ]);
  });

  it('has one cell per unit in the given order and lists units without a target', () => {
    const view = buildComparison(fixture().input);
    const dti = row(view.rows, 'CQS.DTI');
    expect(dti.cells.map((cell) => cell.unitId)).toEqual(['a', 'b', 'c']);
    expect(dti.unitsWithoutTarget).toEqual(['c']);
    expect(dti.cells[2]).toEqual({
      unitId: 'c',
      target: null,
      attainment: null,
      mostAmbitious: false,
      leastAmbitious: false,
    });
    expect(row(view.rows, 'CDDH.PAR_INDEX').unitsWithoutTarget).toEqual(['a', 'c']);
    expect(row(view.rows, 'TTHC.ONTIME').unitsWithoutTarget).toEqual([]);
  });

  it('compares each unit on its target due soonest at or after the period, and evaluates it', () => {
    const ontime = row(buildComparison(fixture().input).rows, 'TTHC.ONTIME');
    expect(
      ontime.cells.map((cell) => [
        cell.unitId,
        cell.target?.value,
        cell.target?.dueYear,
        cell.attainment?.status,
        cell.attainment?.actual,
      ]),
    ).toEqual([
      ['a', 90, 2026, 'met', 92],
      ['b', 85, 2026, 'no_data', null],
      ['c', 90, 2026, 'not_met', 89.9],
    ]);
    const inspect = row(buildComparison(fixture().input).rows, 'CDDH.INSPECT_COVERAGE');
    expect(inspect.cells[0]?.target?.dueYear).toBe(2025);
  });

  it('evaluates rank targets through rankAt with the target cohort', () => {
    const { input, rankCalls } = fixture();
    const dti = row(buildComparison(input).rows, 'CQS.DTI');
    expect(
      dti.cells.map((cell) => [cell.unitId, cell.attainment?.status, cell.attainment?.actual]),
    ).toEqual([
      ['a', 'met', 7],
      ['b', 'not_met', 6],
      ['c', undefined, undefined],
    ]);
    expect(rankCalls).toContainEqual(['a', 'CQS.DTI', '2026', XA_LOAI_I]);
    expect(rankCalls).toContainEqual(['b', 'CQS.DTI', '2026', XA_LOAI_I]);
  });

  it('marks the most and least ambitious targets; ties share the mark', () => {
    const view = buildComparison(fixture().input);
    const marks = (code: string) =>
      row(view.rows, code).cells.map((cell) => [
        cell.unitId,
        cell.mostAmbitious,
        cell.leastAmbitious,
      ]);
    expect(marks('TTHC.ONTIME')).toEqual([
      ['a', true, false],
      ['b', false, true],
      ['c', true, false],
    ]);
    // top_n: the smaller N is the more ambitious
    expect(marks('CQS.DTI')).toEqual([
      ['a', false, true],
      ['b', true, false],
      ['c', false, false],
    ]);
    // a single target: nothing to compare
    expect(marks('CDDH.PAR_INDEX')).toEqual([
      ['a', false, false],
      ['b', false, false],
      ['c', false, false],
    ]);
  });

  const STAFF_CUT = findIndicator('TCBM.STAFF_CUT');
  it.each<[string, Partial<TTarget>[], [boolean, boolean][], TIndicator | undefined]>([
    [
      'equal values: no marks',
      [{ value: 90 }, { value: 90 }],
      [
        [false, false],
        [false, false],
      ],
      undefined,
    ],
    [
      'equal after rounding to the indicator precision: no marks',
      [{ value: 90.01 }, { value: 90.04 }],
      [
        [false, false],
        [false, false],
      ],
      undefined,
    ],
    [
      'gte and lte are not compared with each other',
      [{ value: 90 }, { comparator: 'lte', value: 10 }],
      [
        [false, false],
        [false, false],
      ],
      undefined,
    ],
    [
      'gt and gte are one family',
      [{ comparator: 'gt', value: 80 }, { value: 90 }],
      [
        [false, true],
        [true, false],
      ],
      undefined,
    ],
    [
      'blank values are not compared',
      [{ value: null }, { value: 90 }],
      [
        [false, false],
        [false, false],
      ],
      undefined,
    ],
    [
      'at-most targets: the lower value is more ambitious',
      [
        { comparator: 'lte', value: 5 },
        { comparator: 'lte', value: 3 },
      ],
      [
        [false, true],
        [true, false],
      ],
      undefined,
    ],
    [
      'eq on a lower-is-better indicator: the lower value is more ambitious',
      [
        { indicatorCode: 'TCBM.STAFF_CUT', comparator: 'eq', value: 5 },
        { indicatorCode: 'TCBM.STAFF_CUT', comparator: 'eq', value: 3 },
      ],
      [
        [false, true],
        [true, false],
      ],
      STAFF_CUT,
    ],
    [
      'top_n in different cohorts are not compared',
      [
        { comparator: 'top_n', value: 5, cohort: XA_LOAI_I },
        { comparator: 'top_n', value: 10, cohort: { province: 'HN' } },
      ],
      [
        [false, false],
        [false, false],
      ],
      undefined,
    ],
    [
      'top_n with the same cohort written in another key order',
      [
        {
          comparator: 'top_n',
          value: 5,
          cohort: { classes: ['I'], unitTypes: ['xa'], province: 'HN' },
        },
        { comparator: 'top_n', value: 10, cohort: XA_LOAI_I },
      ],
      [
        [true, false],
        [false, true],
      ],
      undefined,
    ],
  ])('%s', (_name, overrides, expected, indicator) => {
    const code = overrides[0]?.indicatorCode ?? 'TTHC.ONTIME';
    const units = overrides.map((_, index) => buildUnit({ id: `u${index}` }));
    const view = buildComparison({
      period: '2026',
      units,
      targetsByUnit: new Map(
        overrides.map((override, index) => [
          `u${index}`,
          [buildTarget({ indicatorCode: code, ...override })],
        ]),
      ),
      seriesByUnit: new Map(),
      indicators: (wanted) =>
        indicator !== undefined && wanted === indicator.code ? indicator : findIndicator(wanted),
    });
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]?.cells.map((cell) => [cell.mostAmbitious, cell.leastAmbitious])).toEqual(
      expected,
    );
  });

  it('evaluates an indicator missing from the lookup with the defaults when its code names an area', () => {
    const view = buildComparison({
      period: '2026',
      units: [buildUnit({ id: 'x' })],
      targetsByUnit: new Map([['x', [buildTarget({ indicatorCode: 'CVU.UNLISTED', value: 50 })]]]),
      seriesByUnit: new Map([
        ['x', new Map([['CVU.UNLISTED', [{ period: '2026', value: 49.996 }]]])],
      ]),
      indicators: () => undefined,
    });
    expect(
      view.rows.map((r) => [
        r.area,
        r.indicatorCode,
        r.cells[0]?.attainment?.status,
        r.cells[0]?.attainment?.actual,
      ]),
    ).toEqual([['CVU', 'CVU.UNLISTED', 'met', 50]]);
  });

  it.each([
    [
      'an unknown code without a reform area',
      { period: '2026', code: 'XYZ.FOO' },
      'unknown_indicator',
    ],
    ['an invalid period', { period: '2026-Q9', code: 'TTHC.ONTIME' }, 'invalid_period'],
  ])('rejects %s', (_name, { period, code }, errorCode) => {
    expect(() =>
      buildComparison({
        period,
        units: [buildUnit({ id: 'x' })],
        targetsByUnit: new Map([['x', [buildTarget({ indicatorCode: code })]]]),
        seriesByUnit: new Map(),
        indicators: findIndicator,
      }),
    ).toThrow(expect.objectContaining({ code: errorCode }) as Error);
  });

  it('ignores targets of units not in the comparison, and gives no rows without targets', () => {
    const view = buildComparison({
      period: '2026',
      units: [buildUnit({ id: 'x' })],
      targetsByUnit: new Map([['other', [buildTarget()]]]),
      seriesByUnit: new Map(),
      indicators: findIndicator,
    });
    expect(view.rows).toEqual([]);
  });
});
