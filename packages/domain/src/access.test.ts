import { describe, expect, it } from 'vitest';
import {
  canAdminister,
  canEditUnitData,
  canRankCohort,
  canReadUnit,
  canVerify,
  provincesInScope,
  type TAccessSubject,
} from './access.js';

const admin: TAccessSubject = { role: 'admin', scope: { provinces: 'all', unitId: null } };
const national: TAccessSubject = { role: 'reviewer', scope: { provinces: 'all', unitId: null } };
const hanoi: TAccessSubject = { role: 'reviewer', scope: { provinces: ['HNI'], unitId: null } };
const staff: TAccessSubject = {
  role: 'commune_staff',
  scope: { provinces: null, unitId: 'u-odien' },
};

const oDien = { id: 'u-odien', provinceCode: 'HNI' };
const otherHanoi = { id: 'u-other', provinceCode: 'HNI' };
const hue = { id: 'u-hue', provinceCode: 'HUE' };
const noProvince = { id: 'u-hung-thinh', provinceCode: null };

describe('access policy', () => {
  it.each([
    ['admin', admin, [true, true, true, true]],
    ['national reviewer', national, [true, true, true, true]],
    ['Hà Nội reviewer', hanoi, [true, true, false, false]],
    ['Ô Diên staff', staff, [true, false, false, false]],
  ] as const)('%s reads [Ô Diên, other Hà Nội, Huế, no province]', (_name, user, expected) => {
    expect([oDien, otherHanoi, hue, noProvince].map((unit) => canReadUnit(user, unit))).toEqual(
      expected,
    );
  });

  it('lets commune staff edit their own unit only, and never verify', () => {
    expect(canEditUnitData(staff, oDien)).toBe(true);
    expect(canEditUnitData(staff, otherHanoi)).toBe(false);
    expect(canVerify(staff, oDien)).toBe(false);
    expect(canVerify(hanoi, otherHanoi)).toBe(true);
    expect(canVerify(hanoi, hue)).toBe(false);
  });

  it('keeps administration to admins', () => {
    expect([admin, national, hanoi, staff].map(canAdminister)).toEqual([true, false, false, false]);
  });

  it('lets reviewers rank cohorts in their provinces, staff only their own cohort on verified results', () => {
    const hanoiXaI = { province: 'HNI', unitTypes: ['xa' as const], classes: ['I' as const] };
    const options = { ownUnitIsMember: false, includeSubmitted: false };
    expect(canRankCohort(hanoi, hanoiXaI, options)).toBe(true);
    expect(canRankCohort(hanoi, { unitTypes: ['xa'] }, options)).toBe(false);
    expect(canRankCohort(national, { unitTypes: ['xa'] }, options)).toBe(true);
    expect(canRankCohort(staff, hanoiXaI, { ownUnitIsMember: true, includeSubmitted: false })).toBe(
      true,
    );
    expect(canRankCohort(staff, hanoiXaI, { ownUnitIsMember: true, includeSubmitted: true })).toBe(
      false,
    );
    expect(canRankCohort(staff, hanoiXaI, options)).toBe(false);
  });

  it('names the provinces in scope', () => {
    expect(provincesInScope(admin)).toBe('all');
    expect(provincesInScope(hanoi)).toEqual(['HNI']);
    expect(provincesInScope(staff)).toEqual([]);
  });
});
