import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import {
  comparePeriodEnds,
  comparePeriods,
  isAtOrBefore,
  isValidPeriod,
  latestAtOrBefore,
  parsePeriod,
  periodEndTime,
  periodEndYear,
  previousPeriod,
} from './period.js';

describe('parsePeriod', () => {
  it.each([
    ['2025', 2025, 'year', 1, 1, 12],
    ['2025-H1', 2025, 'half', 1, 1, 6],
    ['2025-H2', 2025, 'half', 2, 7, 12],
    ['2025-Q1', 2025, 'quarter', 1, 1, 3],
    ['2025-Q2', 2025, 'quarter', 2, 4, 6],
    ['2025-Q3', 2025, 'quarter', 3, 7, 9],
    ['2025-Q4', 2025, 'quarter', 4, 10, 12],
    ['2025-01', 2025, 'month', 1, 1, 1],
    ['2025-09', 2025, 'month', 9, 9, 9],
    ['2025-12', 2025, 'month', 12, 12, 12],
  ] as const)(
    '%s → %s %s #%s, months %s–%s',
    (text, year, granularity, index, startMonth, endMonth) => {
      expect(parsePeriod(text)).toEqual({ text, year, granularity, index, startMonth, endMonth });
      expect(isValidPeriod(text)).toBe(true);
    },
  );

  it.each([
    '2025-Q5',
    '2025-Q0',
    '2025-13',
    '2025-00',
    '2025-1',
    '25',
    '2025-h1',
    '2025-q1',
    '2025-H3',
    ' 2025',
    '2025 ',
    '2025-',
    '',
    '2025/01',
    '2025-H1-01',
  ])('rejects %j with invalid_period', (text) => {
    expect(isValidPeriod(text)).toBe(false);
    let thrown: unknown;
    try {
      parsePeriod(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe('invalid_period');
    expect((thrown as DomainError).message).toMatch(/^Kỳ báo cáo không hợp lệ: /);
    expect((thrown as DomainError).details).toEqual({ period: text });
  });
});

describe('comparePeriods', () => {
  it('sorts by end, longer periods first among those that end together', () => {
    const shuffled = [
      '2025-12',
      '2026-Q1',
      '2025',
      '2025-Q4',
      '2025-H2',
      '2024',
      '2025-06',
      '2025-H1',
      '2025-Q2',
      '2025-11',
      '2026-01',
    ];
    expect([...shuffled].sort(comparePeriods)).toEqual([
      '2024',
      '2025-H1',
      '2025-Q2',
      '2025-06',
      '2025-11',
      '2025',
      '2025-H2',
      '2025-Q4',
      '2025-12',
      '2026-01',
      '2026-Q1',
    ]);
  });

  it.each([
    ['2025', '2025', 0],
    ['2025-Q4', '2025-Q4', 0],
    ['2024', '2025-01', -1],
    ['2025', '2025-12', -1],
    ['2025-12', '2025', 1],
    ['2025-Q3', '2025-09', -1],
    ['2025-10', '2025-Q3', 1],
  ])('comparePeriods(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });

  it('is 0 only for the same period, so a sort is deterministic', () => {
    const all = [
      '2025',
      '2025-H1',
      '2025-H2',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    ];
    for (const a of all) for (const b of all) expect(comparePeriods(a, b) === 0).toBe(a === b);
  });
});

describe('isAtOrBefore and comparePeriodEnds', () => {
  it.each([
    ['2025-Q4', '2025', true],
    ['2025', '2025-Q4', true],
    ['2025', '2025-12', true],
    ['2025-H2', '2025-12', true],
    ['2025', '2025-11', false],
    ['2025-H1', '2025-Q2', true],
    ['2025-Q3', '2025-H1', false],
    ['2024-12', '2025-01', true],
    ['2026-01', '2025', false],
  ])('isAtOrBefore(%s, %s) = %s', (a, b, expected) => {
    expect(isAtOrBefore(a, b)).toBe(expected);
  });

  it('treats 2025-Q4, 2025-12, 2025-H2 and 2025 as ending together', () => {
    for (const a of ['2025-Q4', '2025-12', '2025-H2', '2025'])
      for (const b of ['2025-Q4', '2025-12', '2025-H2', '2025'])
        expect(comparePeriodEnds(a, b)).toBe(0);
  });
});

describe('previousPeriod, periodEndYear, periodEndTime', () => {
  it.each([
    ['2025', '2024'],
    ['2025-H1', '2024-H2'],
    ['2025-H2', '2025-H1'],
    ['2025-Q1', '2024-Q4'],
    ['2025-Q3', '2025-Q2'],
    ['2025-01', '2024-12'],
    ['2025-10', '2025-09'],
  ])('previousPeriod(%s) = %s', (period, previous) => {
    expect(previousPeriod(period)).toBe(previous);
  });

  it('has no period before year 0', () => {
    expect(() => previousPeriod('0000')).toThrow(DomainError);
  });

  it.each([
    ['2025', 2025, 2026],
    ['2025-H1', 2025, 2025.5],
    ['2025-Q3', 2025, 2025.75],
    ['2025-03', 2025, 2025.25],
  ])('%s ends in year %i, at time %d', (period, year, time) => {
    expect(periodEndYear(period)).toBe(year);
    expect(periodEndTime(period)).toBeCloseTo(time, 10);
  });
});

describe('latestAtOrBefore', () => {
  const series = [
    { period: '2024', value: 1 },
    { period: '2025-Q2', value: 2 },
    { period: '2025-Q3', value: 3 },
    { period: '2025-12', value: 4 },
    { period: '2025-Q4', value: 5 },
    { period: '2025', value: 6 },
    { period: '2026-H1', value: 7 },
  ];

  it.each([
    ['2023', undefined],
    ['2024', 1],
    ['2025-H1', 2],
    ['2025-Q2', 2],
    ['2025-08', 2],
    ['2025-Q3', 3],
    ['2025-11', 3],
    // Four entries end in December 2025: the asked granularity wins…
    ['2025', 6],
    ['2025-Q4', 5],
    ['2025-12', 4],
    // …and when none matches, the longer period.
    ['2025-H2', 6],
    ['2026-Q1', 5],
    ['2026-02', 4],
    ['2026-H1', 7],
    ['2030', 7],
  ])('at or before %s → value %s', (asked, value) => {
    expect(latestAtOrBefore(series, asked)?.value).toBe(value);
  });

  it('does not depend on input order', () => {
    const reversed = [...series].reverse();
    for (const asked of ['2025', '2025-Q4', '2025-12', '2025-H2', '2026-Q1']) {
      expect(latestAtOrBefore(reversed, asked)?.value).toBe(latestAtOrBefore(series, asked)?.value);
    }
  });

  it('prefers the longer period when no candidate matches the asked granularity', () => {
    expect(
      latestAtOrBefore(
        [
          { period: '2025-12', value: 1 },
          { period: '2025-Q4', value: 2 },
        ],
        '2025',
      )?.value,
    ).toBe(2);
    expect(
      latestAtOrBefore(
        [
          { period: '2025-12', value: 1 },
          { period: '2025-Q4', value: 2 },
        ],
        '2025-H2',
      )?.value,
    ).toBe(2);
  });

  it('returns undefined for an empty series and rejects a bad period inside the series', () => {
    expect(latestAtOrBefore([], '2025')).toBeUndefined();
    expect(() => latestAtOrBefore([{ period: '2025-Q5', value: 1 }], '2025')).toThrow(DomainError);
  });
});
