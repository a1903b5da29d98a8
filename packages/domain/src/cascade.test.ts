import { describe, expect, it } from 'vitest';
import { checkCascade } from './cascade.js';
import { findIndicator } from './catalog.js';
import { ZCascadeIssue, type TTarget } from './schemas.js';
import { buildTarget } from './testing/index.js';

function targets(...overrides: Partial<TTarget>[]): TTarget[] {
  return overrides.map((override) =>
    buildTarget({ indicatorCode: 'TTHC.ONTIME', comparator: 'gte', dueYear: 2026, ...override }),
  );
}

describe('checkCascade', () => {
  it.each<
    [
      string,
      Partial<TTarget>[],
      Partial<TTarget>[],
      {
        kind: 'weaker' | 'missing';
        parentValue: number | null;
        childValue: number | null;
        message: RegExp;
      }[],
    ]
  >([
    ['equal is fine', [{ value: 90 }], [{ value: 90 }], []],
    ['stronger is fine', [{ value: 95 }], [{ value: 90 }], []],
    [
      'weaker at-least target',
      [{ value: 80 }],
      [{ value: 90 }],
      [
        {
          kind: 'weaker',
          parentValue: 90,
          childValue: 80,
          message:
            /^Chỉ tiêu "Tỷ lệ hồ sơ giải quyết đúng hạn" năm 2026 thấp hơn kế hoạch cấp trên: 80,0% < 90,0%\.$/,
        },
      ],
    ],
    [
      'weaker only after rounding: 89,96 reads 90,0 and is fine',
      [{ value: 89.96 }],
      [{ value: 90 }],
      [],
    ],
    [
      '89,94 reads 89,9 and is weaker',
      [{ value: 89.94 }],
      [{ value: 90 }],
      [{ kind: 'weaker', parentValue: 90, childValue: 89.9, message: /89,9% < 90,0%/ }],
    ],
    [
      'gt against gte: same family',
      [{ comparator: 'gt', value: 85 }],
      [{ comparator: 'gte', value: 90 }],
      [{ kind: 'weaker', parentValue: 90, childValue: 85, message: /85,0% < 90,0%/ }],
    ],
    [
      'eq on higher-is-better: child lower is weaker',
      [{ comparator: 'eq', value: 70 }],
      [{ comparator: 'eq', value: 80 }],
      [{ kind: 'weaker', parentValue: 80, childValue: 70, message: /thấp hơn/ }],
    ],
    [
      'missing indicator',
      [{ indicatorCode: 'TTHC.ONLINE_DOSSIER', value: 90 }],
      [{ value: 90 }],
      [
        {
          kind: 'missing',
          parentValue: 90,
          childValue: null,
          message:
            /^Thiếu chỉ tiêu "Tỷ lệ hồ sơ giải quyết đúng hạn" năm 2026 mà kế hoạch cấp trên đặt ra \(tối thiểu 90,0%\)\.$/,
        },
      ],
    ],
    [
      'same indicator, other due year → missing',
      [{ value: 95, dueYear: 2027 }],
      [{ value: 90, dueYear: 2026 }],
      [{ kind: 'missing', parentValue: 90, childValue: null, message: /^Thiếu chỉ tiêu/ }],
    ],
    [
      'blank child value → missing',
      [{ value: null }],
      [{ value: 90 }],
      [{ kind: 'missing', parentValue: 90, childValue: null, message: /để trống giá trị/ }],
    ],
    ['the strongest child target counts', [{ value: 80 }, { value: 92 }], [{ value: 90 }], []],
    [
      'different families are not compared',
      [{ comparator: 'lte', value: 50 }],
      [{ value: 90 }],
      [],
    ],
    [
      'parent without indicator or value is ignored',
      [],
      [{ indicatorCode: null, value: 90 }, { value: null }],
      [],
    ],
    [
      'parent milestone without value is ignored',
      [],
      [{ comparator: 'milestone', value: null }],
      [],
    ],
    [
      'top_n: larger N is weaker',
      [{ indicatorCode: 'CQS.DTI', comparator: 'top_n', unit: 'rank', value: 15 }],
      [{ indicatorCode: 'CQS.DTI', comparator: 'top_n', unit: 'rank', value: 10 }],
      [
        {
          kind: 'weaker',
          parentValue: 10,
          childValue: 15,
          message:
            /^Mục tiêu xếp hạng "Chỉ số chuyển đổi số \(DTI\)" năm 2026 thấp hơn kế hoạch cấp trên: top 15 so với top 10\.$/,
        },
      ],
    ],
    [
      'top_n: smaller N is fine',
      [{ indicatorCode: 'CQS.DTI', comparator: 'top_n', unit: 'rank', value: 5 }],
      [{ indicatorCode: 'CQS.DTI', comparator: 'top_n', unit: 'rank', value: 10 }],
      [],
    ],
    [
      'at-most target: higher child value is weaker',
      [{ indicatorCode: 'TTHC.ONTIME', comparator: 'lte', value: 12 }],
      [{ comparator: 'lte', value: 10 }],
      [
        {
          kind: 'weaker',
          parentValue: 10,
          childValue: 12,
          message: /cao hơn mức tối đa của kế hoạch cấp trên: 12,0% > 10,0%/,
        },
      ],
    ],
    [
      'lt against lte: same family',
      [{ comparator: 'lt', value: 8 }],
      [{ comparator: 'lte', value: 10 }],
      [],
    ],
    [
      'change_by decrease: a smaller cut is weaker',
      [{ comparator: 'change_by', value: -5, baselineYear: 2024 }],
      [{ comparator: 'change_by', value: -10, baselineYear: 2024 }],
      [
        {
          kind: 'weaker',
          parentValue: -10,
          childValue: -5,
          message: /giảm 5,0% so với giảm 10,0%/,
        },
      ],
    ],
    [
      'change_by increase: a smaller rise is weaker',
      [{ comparator: 'change_by', value: 5 }],
      [{ comparator: 'change_by', value: 10 }],
      [{ kind: 'weaker', parentValue: 10, childValue: 5, message: /tăng 5,0% so với tăng 10,0%/ }],
    ],
    [
      'change_by: a deeper cut is fine',
      [{ comparator: 'change_by', value: -15 }],
      [{ comparator: 'change_by', value: -10 }],
      [],
    ],
    [
      'count_gte: fewer is weaker',
      [
        {
          indicatorCode: 'CDDH.INITIATIVE_COUNT',
          comparator: 'count_gte',
          unit: 'count',
          value: 2,
        },
      ],
      [
        {
          indicatorCode: 'CDDH.INITIATIVE_COUNT',
          comparator: 'count_gte',
          unit: 'count',
          value: 3,
        },
      ],
      [{ kind: 'weaker', parentValue: 3, childValue: 2, message: /2 < 3/ }],
    ],
  ])('%s', (_name, child, parent, expected) => {
    const issues = checkCascade(targets(...child), targets(...parent), findIndicator);
    for (const issue of issues) expect(ZCascadeIssue.parse(issue)).toEqual(issue);
    expect(
      issues.map(({ kind, parentValue, childValue }) => ({ kind, parentValue, childValue })),
    ).toEqual(
      expected.map(({ kind, parentValue, childValue }) => ({ kind, parentValue, childValue })),
    );
    issues.forEach((issue, index) =>
      expect(issue.message).toMatch(expected[index]?.message ?? /^$/),
    );
  });

  it('judges eq by the indicator direction (lower is better: higher child value is weaker)', () => {
    const child = targets({ indicatorCode: 'TCBM.STAFF_CUT', comparator: 'eq', value: 6 });
    const parent = targets({ indicatorCode: 'TCBM.STAFF_CUT', comparator: 'eq', value: 5 });
    expect(checkCascade(child, parent, findIndicator)).toMatchObject([
      {
        kind: 'weaker',
        indicatorCode: 'TCBM.STAFF_CUT',
        dueYear: 2026,
        parentValue: 5,
        childValue: 6,
      },
    ]);
    expect(
      checkCascade(
        targets({ indicatorCode: 'TCBM.STAFF_CUT', comparator: 'eq', value: 4 }),
        parent,
        findIndicator,
      ),
    ).toEqual([]);
  });

  it('lists issues in the parent order, one per parent target', () => {
    const parent = targets(
      { indicatorCode: 'TTHC.ONLINE_DOSSIER', value: 50 },
      { value: 90 },
      { indicatorCode: 'CQS.EID', value: 60 },
    );
    const child = targets({ value: 80 });
    expect(
      checkCascade(child, parent, findIndicator).map((issue) => [issue.kind, issue.indicatorCode]),
    ).toEqual([
      ['missing', 'TTHC.ONLINE_DOSSIER'],
      ['weaker', 'TTHC.ONTIME'],
      ['missing', 'CQS.EID'],
    ]);
  });

  it('uses the parent label and precision 2 when the indicator is unknown', () => {
    const parent = [
      buildTarget({
        indicatorCode: 'TTHC.UNLISTED',
        label: 'Chỉ tiêu riêng',
        value: 50.005,
        dueYear: 2026,
      }),
    ];
    const child = [buildTarget({ indicatorCode: 'TTHC.UNLISTED', value: 50, dueYear: 2026 })];
    expect(checkCascade(child, parent, () => undefined)).toMatchObject([
      {
        kind: 'weaker',
        parentValue: 50.01,
        childValue: 50,
        message: 'Chỉ tiêu "Chỉ tiêu riêng" năm 2026 thấp hơn kế hoạch cấp trên: 50,00% < 50,01%.',
      },
    ]);
  });
});
