import { describe, expect, it } from 'vitest';
import { buildProvince } from '../../../test/builders';
import { formatProvinceName, formatUnitClass, formatUnitName, formatValidity } from './unit-labels';

describe('formatUnitName', () => {
  it.each([
    ['xa', 'Ô Diên', 'xã Ô Diên'],
    ['phuong', 'Ba Đình', 'phường Ba Đình'],
    ['dac_khu', 'Phú Quốc', 'đặc khu Phú Quốc'],
    ['thi_tran', 'Trâu Quỳ', 'thị trấn Trâu Quỳ'],
    ['huyen', 'Đan Phượng', 'huyện Đan Phượng'],
    ['thi_xa', 'Hương Trà', 'thị xã Hương Trà'],
    ['quan', 'Hoàn Kiếm', 'quận Hoàn Kiếm'],
    ['thanh_pho_thuoc_tinh', 'Thủ Dầu Một', 'thành phố thuộc tỉnh Thủ Dầu Một'],
  ] as const)('%s %s → %s', (type, name, expected) => {
    expect(formatUnitName({ type, name })).toBe(expected);
  });
});

describe('formatUnitClass', () => {
  it.each([
    ['special', 'Loại đặc biệt'],
    ['I', 'Loại I'],
    ['II', 'Loại II'],
    ['III', 'Loại III'],
    [null, '—'],
  ] as const)('%s → %s', (unitClass, expected) => {
    expect(formatUnitClass(unitClass)).toBe(expected);
  });
});

describe('formatValidity', () => {
  it.each([
    ['2021-05-01', '2025-06-30', 'từ 01/05/2021 đến 30/06/2025'],
    [null, '2025-06-30', 'đến 30/06/2025'],
    ['2025-07-01', null, 'từ 01/07/2025'],
    [null, null, '—'],
  ])('%s – %s → %s', (validFrom, validTo, expected) => {
    expect(formatValidity(validFrom, validTo)).toBe(expected);
  });
});

describe('formatProvinceName', () => {
  const provinces = new Map([['HNI', buildProvince({ code: 'HNI', name: 'Thành phố Hà Nội' })]]);

  it.each([
    ['HNI', 'Thành phố Hà Nội'],
    ['XYZ', 'XYZ'],
    [null, 'Chưa rõ'],
  ])('%s → %s', (code, expected) => {
    expect(formatProvinceName(code, provinces)).toBe(expected);
  });
});
