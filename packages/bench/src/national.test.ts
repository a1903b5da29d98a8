import { describe, expect, it } from 'vitest';
import { classificationForYear, INDICATOR_CATALOG, parsePeriod } from '@commune-bench/domain';
import { csvField } from './generate.js';
import {
  generateUnits,
  NATIONAL_COUNTS,
  periodsPerUnit,
  seededUuid,
  seededRandom,
  unitResults,
} from './national.js';
import { median, percentile } from './stats.js';

const PROVINCES = Array.from({ length: 34 }, (_, i) => `P${String(i).padStart(2, '0')}`);
const units = generateUnits(PROVINCES);

describe('national generator', () => {
  it('makes 3,321 units: 2,621 xã, 687 phường, 13 đặc khu, in every province', () => {
    expect(units).toHaveLength(3321);
    const byType = { xa: 0, phuong: 0, dac_khu: 0 };
    for (const unit of units) byType[unit.type] += 1;
    expect(byType).toEqual(NATIONAL_COUNTS);
    expect(new Set(units.map((u) => u.provinceCode)).size).toBe(34);
    expect(new Set(units.map((u) => u.code)).size).toBe(3321);
    expect(new Set(units.map((u) => u.id)).size).toBe(3321);
  });

  it('is deterministic', () => {
    const again = generateUnits([...PROVINCES].reverse());
    expect(again.map((u) => [u.id, u.code, u.classNow, u.targets.length])).toEqual(
      units.map((u) => [u.id, u.code, u.classNow, u.targets.length]),
    );
    expect(unitResults(again[123]!)).toEqual(unitResults(units[123]!));
    expect(generateUnits(PROVINCES, 7)[0]!.id).not.toBe(units[0]!.id);
  });

  it('gives classes in realistic proportions with a history that covers every year', () => {
    const xa = units.filter((u) => u.type === 'xa');
    const share = (c: string) => xa.filter((u) => u.classNow === c).length / xa.length;
    expect(share('I')).toBeGreaterThan(0.25);
    expect(share('II')).toBeGreaterThan(0.38);
    expect(share('III')).toBeGreaterThan(0.15);
    expect(xa.some((u) => u.classNow === 'special')).toBe(false);
    for (const unit of units.slice(0, 200)) {
      const history = unit.classifications.map((c) => ({
        id: c.id,
        unitId: unit.id,
        class: c.unitClass,
        basis: c.basis,
        decisionNo: null,
        validFrom: c.validFrom,
        validTo: c.validTo,
      }));
      for (let year = 2021; year <= 2030; year += 1)
        expect(classificationForYear(history, year)).not.toBeNull();
    }
  });

  it('gives each unit one plan with 20–40 targets on catalog indicators', () => {
    const codes = new Set(INDICATOR_CATALOG.map((i) => i.code));
    for (const unit of units) {
      expect(unit.targets.length).toBeGreaterThanOrEqual(20);
      expect(unit.targets.length).toBeLessThanOrEqual(41);
      for (const target of unit.targets) expect(codes.has(target.indicatorCode)).toBe(true);
    }
    expect(units.some((u) => u.targets.some((t) => t.comparator === 'top_n'))).toBe(true);
  });

  it('reports every indicator yearly 2021–2030 and the non-index ones quarterly 2024–2030', () => {
    const results = unitResults(units[0]!);
    expect(results).toHaveLength(periodsPerUnit());
    expect(units.length * periodsPerUnit()).toBeGreaterThan(6_000_000);
    expect(units.length * periodsPerUnit()).toBeLessThan(7_000_000);
    const keys = new Set(results.map((r) => `${r.indicatorCode}|${r.period}`));
    expect(keys.size).toBe(results.length);
    for (const result of results.slice(0, 500)) {
      expect(() => parsePeriod(result.period)).not.toThrow();
      expect(Number.isFinite(result.value)).toBe(true);
      expect(result.value).toBeGreaterThanOrEqual(0);
    }
    expect(results.filter((r) => r.period <= '2025').every((r) => r.status === 'verified')).toBe(
      true,
    );
  });

  it('draws UUIDs of the right shape', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 50; i += 1)
      expect(seededUuid(random)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
  });
});

describe('helpers', () => {
  it('quotes CSV fields only when needed', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('{"x":1}')).toBe('"{""x"":1}"');
    expect(csvField(2.5)).toBe('2.5');
  });

  it('computes median and nearest-rank p95', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 95)).toBe(15);
    expect(percentile([5], 95)).toBe(5);
  });
});
