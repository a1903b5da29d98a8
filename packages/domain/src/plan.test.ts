import { describe, expect, it } from 'vitest';
import { findIndicator } from './catalog.js';
import { groupTargets, plansForYear } from './plan.js';
import { buildTarget } from './testing/index.js';

describe('groupTargets', () => {
  it('groups by the plan heading, else the indicator area, in plan order of areas, then by phase', () => {
    const targets = [
      buildTarget({
        label: 'DTI top 10',
        indicatorCode: 'CQS.DTI',
        areaInPlan: null,
        phase: '2028-2030',
      }),
      buildTarget({
        label: 'SIPAS 89',
        indicatorCode: 'CDDH.SIPAS',
        areaInPlan: null,
        phase: '2026-2027',
      }),
      buildTarget({
        label: 'đúng hạn',
        indicatorCode: 'TTHC.ONTIME',
        areaInPlan: null,
        phase: null,
      }),
      buildTarget({
        label: 'hài lòng dưới mục bộ máy',
        indicatorCode: 'TTHC.SAT',
        areaInPlan: 'TCBM',
        phase: null,
      }),
      buildTarget({
        label: 'SIPAS 95',
        indicatorCode: 'CDDH.SIPAS',
        areaInPlan: null,
        phase: '2028-2030',
      }),
      buildTarget({ label: 'không mã', indicatorCode: null, areaInPlan: null, phase: null }),
    ];
    const groups = groupTargets(targets, findIndicator);
    expect(
      groups.map((group) => [group.area, group.phase, group.targets.map((target) => target.label)]),
    ).toEqual([
      ['CDDH', '2026-2027', ['SIPAS 89']],
      ['CDDH', '2028-2030', ['SIPAS 95']],
      ['TTHC', null, ['đúng hạn']],
      ['TCBM', null, ['hài lòng dưới mục bộ máy']],
      ['CQS', '2028-2030', ['DTI top 10']],
      [null, null, ['không mã']],
    ]);
  });
});

describe('plansForYear', () => {
  const plan = (id: string, status: 'draft' | 'issued', fromYear: number, toYear: number) => ({
    id,
    status,
    fromYear,
    toYear,
  });
  it.each([
    [2026, [plan('a', 'issued', 2026, 2030), plan('b', 'draft', 2026, 2030)], ['a']],
    [2026, [plan('b', 'draft', 2026, 2030), plan('c', 'draft', 2021, 2025)], ['b']],
    [2025, [plan('a', 'issued', 2026, 2030), plan('c', 'draft', 2021, 2025)], ['c']],
    [2031, [plan('a', 'issued', 2026, 2030)], []],
  ] as const)('year %i', (year, plans, expected) => {
    expect(plansForYear(plans, year).map((p) => p.id)).toEqual(expected);
  });
});
