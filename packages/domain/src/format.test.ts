import { describe, expect, it } from 'vitest';
import { findIndicator } from './catalog.js';
import { DomainError } from './errors.js';
import {
  compareVi,
  foldVi,
  formatChangeVi,
  formatDateShortVi,
  formatDateVi,
  formatIndicatorValue,
  formatNumberVi,
  formatPercentVi,
  formatPeriodVi,
  formatTargetVi,
  roundTo,
} from './format.js';

describe('roundTo (half away from zero, on the decimal a person reads)', () => {
  it.each([
    [1.005, 2, 1.01],
    [89.95, 1, 90],
    [89.96, 1, 90],
    [89.94, 1, 89.9],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [-1.005, 2, -1.01],
    [2.675, 2, 2.68],
    [1.45, 1, 1.5],
    [8.345, 2, 8.35],
    [9.995, 2, 10],
    [0.1 + 0.2, 2, 0.3],
    [0.5, 0, 1],
    [0.05, 1, 0.1],
    [0.004, 2, 0],
    [1.0049999, 2, 1],
    [123456789.125, 2, 123456789.13],
    [0.7512345, 4, 0.7512],
    [5e-7, 6, 0.000001],
    [4.5e-7, 6, 0],
    [42, 0, 42],
    [42, 3, 42],
    [0, 2, 0],
    [1e21, 2, 1e21],
  ])('roundTo(%d, %i) = %d', (value, precision, expected) => {
    expect(roundTo(value, precision)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
    expect(Object.is(roundTo(-0.4, 0), 0)).toBe(true);
  });

  it.each([
    [Number.NaN, 1],
    [Number.POSITIVE_INFINITY, 1],
    [1, -1],
    [1, 1.5],
    [1, 16],
  ])('rejects roundTo(%d, %d) with invalid_argument', (value, precision) => {
    expect(() => roundTo(value, precision)).toThrow(
      expect.objectContaining({ code: 'invalid_argument' }) as Error,
    );
  });
});

describe('formatNumberVi and formatPercentVi', () => {
  it.each([
    [1234.5, 1, '1.234,5'],
    [90, 1, '90,0'],
    [89.95, 1, '90,0'],
    [0, 2, '0,00'],
    [-0.0001, 2, '0,00'],
    [-1234567.891, 2, '-1.234.567,89'],
    [999, 0, '999'],
    [1000, 0, '1.000'],
    [12, 0, '12'],
    [0.75125, 4, '0,7513'],
    [1e21, 0, '1.000.000.000.000.000.000.000'],
  ])('formatNumberVi(%d, %i) = %s', (value, precision, expected) => {
    expect(formatNumberVi(value, precision)).toBe(expected);
  });

  it.each([
    [89.5, 1, '89,5%'],
    [90, 1, '90,0%'],
    [89.96, 1, '90,0%'],
    [100, 0, '100%'],
    [12.345, 2, '12,35%'],
  ])('formatPercentVi(%d, %i) = %s', (value, precision, expected) => {
    expect(formatPercentVi(value, precision)).toBe(expected);
  });
});

describe('formatIndicatorValue', () => {
  it.each([
    ['TTHC.ONTIME', 89.96, '90,0%'],
    ['CQS.DTI', 0.75126, '0,7513'],
    ['CDDH.PAPI', 42.5, '42,50'],
    ['CQS.DATA_MATURITY', 3, 'cấp độ 3'],
    ['CDDH.INITIATIVE_COUNT', 12.4, '12'],
  ])('%s: %d → %s', (code, value, expected) => {
    const indicator = findIndicator(code);
    if (indicator === undefined) throw new Error(`missing ${code}`);
    expect(formatIndicatorValue(value, indicator)).toBe(expected);
  });

  it.each([
    ['rank', 2, 10, 'hạng 10'],
    ['count', 2, 1234.4, '1.234'],
    ['bool', 0, 1, 'hoàn thành'],
    ['bool', 0, 0, 'chưa hoàn thành'],
    ['score', 1, 7.25, '7,3'],
    ['level', 0, 2, 'cấp độ 2'],
    ['percent', 0, 99.5, '100%'],
  ] as const)('unit %s at precision %i: %d → %s', (unit, precision, value, expected) => {
    expect(formatIndicatorValue(value, { unit, precision })).toBe(expected);
  });
});

describe('formatTargetVi and formatChangeVi', () => {
  const percent = { unit: 'percent', precision: 1 } as const;
  it.each([
    ['gte', 90, 'tối thiểu 90,0%'],
    ['gt', 90, 'trên 90,0%'],
    ['eq', 80, 'đạt 80,0%'],
    ['lte', 5, 'tối đa 5,0%'],
    ['lt', 5, 'dưới 5,0%'],
    ['count_gte', 3, 'ít nhất 3,0%'],
    ['top_n', 10, 'top 10'],
    ['change_by', -10, 'giảm 10,0%'],
    ['change_by', 5, 'tăng 5,0%'],
    ['milestone', null, 'hoàn thành'],
    ['improve', null, 'cải thiện so với năm gốc'],
    ['better_rank', null, 'xếp hạng cao hơn năm gốc'],
    ['gte', null, 'tối thiểu (để trống)'],
  ] as const)('%s %s → %s', (comparator, value, expected) => {
    expect(formatTargetVi({ comparator, value }, percent)).toBe(expected);
  });

  it('uses the level unit', () => {
    expect(
      formatTargetVi({ comparator: 'level_gte', value: 3 }, { unit: 'level', precision: 0 }),
    ).toBe('tối thiểu cấp độ 3');
  });

  it.each([
    [-10, 1, 'giảm 10,0%'],
    [5.55, 1, 'tăng 5,6%'],
    [0.04, 1, 'không đổi'],
    [0, 0, 'không đổi'],
  ])('formatChangeVi(%d, %i) = %s', (change, precision, expected) => {
    expect(formatChangeVi(change, precision)).toBe(expected);
  });
});

describe('dates', () => {
  it.each([
    ['2026-06-12', 'ngày 12 tháng 6 năm 2026', '12/06/2026'],
    ['2025-07-01', 'ngày 1 tháng 7 năm 2025', '01/07/2025'],
    ['2024-02-29', 'ngày 29 tháng 2 năm 2024', '29/02/2024'],
    ['2025-12-31', 'ngày 31 tháng 12 năm 2025', '31/12/2025'],
  ])('%s → %s / %s', (iso, long, short) => {
    expect(formatDateVi(iso)).toBe(long);
    expect(formatDateShortVi(iso)).toBe(short);
  });

  it.each([
    // A Date is an instant, shown as the date in Vietnam (UTC+7).
    ['2026-06-12T00:00:00Z', 'ngày 12 tháng 6 năm 2026', '12/06/2026'],
    ['2026-06-11T17:00:00Z', 'ngày 12 tháng 6 năm 2026', '12/06/2026'],
    ['2026-06-11T16:59:59Z', 'ngày 11 tháng 6 năm 2026', '11/06/2026'],
    ['2025-12-31T18:00:00Z', 'ngày 1 tháng 1 năm 2026', '01/01/2026'],
  ])('Date %s → %s / %s', (instant, long, short) => {
    expect(formatDateVi(new Date(instant))).toBe(long);
    expect(formatDateShortVi(new Date(instant))).toBe(short);
  });

  it.each([
    '2025-02-29',
    '2025-13-01',
    '2025-00-10',
    '12/06/2026',
    '2026-6-12',
    '2026-06-12T00:00:00Z',
    '',
  ])('rejects %j', (text) => {
    expect(() => formatDateVi(text)).toThrow(DomainError);
    expect(() => formatDateShortVi(text)).toThrow(DomainError);
  });

  it('rejects an invalid Date', () => {
    expect(() => formatDateVi(new Date('nope'))).toThrow(DomainError);
  });
});

describe('formatPeriodVi', () => {
  it.each([
    ['2025', 'năm 2025'],
    ['2025-H1', '6 tháng đầu năm 2025'],
    ['2025-H2', '6 tháng cuối năm 2025'],
    ['2025-Q1', 'quý I/2025'],
    ['2025-Q4', 'quý IV/2025'],
    ['2025-09', 'tháng 9/2025'],
    ['2025-12', 'tháng 12/2025'],
  ])('%s → %s', (period, expected) => {
    expect(formatPeriodVi(period)).toBe(expected);
  });
});

describe('compareVi (Vietnamese collation)', () => {
  it.each([
    ['Dương Nội', 'Đông Anh'], // d before đ, whatever follows
    ['Oai', 'Ô Diên'], // o before ô
    ['Ô Diên', 'Ơn Thành'], // ô before ơ
    ['An Khánh', 'Ăn Thượng'], // a before ă
    ['Ăn Thượng', 'Ân Thi'], // ă before â
    ['Ân Thi', 'Ba Vì'],
    ['Bà Rịa', 'Ba Vì'], // tones are secondary: r before v decides
    ['Ung Hòa', 'Ứng Hòa'],
    ['Ứng Hòa', 'Vân Đình'],
    ['Phường 2', 'Phường 10'], // numbers as numbers
    ['Hà Đông', 'Hà Đông 2'],
  ])('%s < %s', (a, b) => {
    expect(compareVi(a, b)).toBeLessThan(0);
    expect(compareVi(b, a)).toBeGreaterThan(0);
  });

  it('sorts a list of names', () => {
    const names = [
      'Đông Anh',
      'Ô Diên',
      'Dương Nội',
      'Oai',
      'Ân Thi',
      'An Khánh',
      'Phường 10',
      'Phường 2',
      'Bắc Ninh',
      'Ba Vì',
    ];
    expect([...names].sort(compareVi)).toEqual([
      'An Khánh',
      'Ân Thi',
      'Ba Vì',
      'Bắc Ninh',
      'Dương Nội',
      'Đông Anh',
      'Oai',
      'Ô Diên',
      'Phường 2',
      'Phường 10',
    ]);
  });

  it('is 0 only for identical strings (ties broken by code point)', () => {
    expect(compareVi('Hà Nội', 'Hà Nội')).toBe(0);
    expect(compareVi('Hà Nội', 'hà nội')).not.toBe(0);
    expect(compareVi('Hà Nội', 'Hà Nội'.normalize('NFD'))).not.toBe(0);
    expect(Math.sign(compareVi('Hà Nội', 'Hà Nội'.normalize('NFD')))).toBe(
      -Math.sign(compareVi('Hà Nội'.normalize('NFD'), 'Hà Nội')),
    );
  });
});

describe('foldVi', () => {
  it.each([
    ['Ô Diên', 'o dien'],
    ['Đồng Tháp', 'dong thap'],
    ['ĐẮK LẮK', 'dak lak'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Hà Nội'.normalize('NFD'), 'ha noi'],
    ['Phường 10', 'phuong 10'],
    ['abc', 'abc'],
  ])('%s → %s', (text, expected) => {
    expect(foldVi(text)).toBe(expected);
  });
});
