/**
 * Who may see and do what (architecture.md, roles): `admin`; `reviewer` scoped to provinces (or all);
 * `commune_staff` scoped to one unit. The API checks every request with these; the web app uses the
 * same functions only to hide what a user cannot do.
 */
import type { TCohortRule, TRole, TUserScope } from './schemas.js';

export interface TAccessSubject {
  readonly role: TRole;
  readonly scope: TUserScope;
}

export interface TUnitRef {
  readonly id: string;
  readonly provinceCode: string | null;
}

/** Provinces whose units the user may read: 'all', or a list (empty for commune staff). */
export function provincesInScope(user: TAccessSubject): 'all' | readonly string[] {
  switch (user.role) {
    case 'admin':
      return 'all';
    case 'reviewer':
      return user.scope.provinces ?? [];
    case 'commune_staff':
      return [];
  }
}

function reviewerCovers(user: TAccessSubject, unit: TUnitRef): boolean {
  const provinces = user.scope.provinces;
  if (provinces === 'all') return true;
  return unit.provinceCode !== null && (provinces ?? []).includes(unit.provinceCode);
}

/** Read a unit's details, plans and (verified or not) results. */
export function canReadUnit(user: TAccessSubject, unit: TUnitRef): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'reviewer':
      return reviewerCovers(user, unit);
    case 'commune_staff':
      return user.scope.unitId === unit.id;
  }
}

/** Create and edit a unit's draft plans and its results (not verify them). */
export function canEditUnitData(user: TAccessSubject, unit: TUnitRef): boolean {
  return canReadUnit(user, unit);
}

/** Verify or return results, correct a verified result, edit an issued plan. */
export function canVerify(user: TAccessSubject, unit: TUnitRef): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'reviewer':
      return reviewerCovers(user, unit);
    case 'commune_staff':
      return false;
  }
}

/** Manage users, units and classifications. */
export function canAdminister(user: TAccessSubject): boolean {
  return user.role === 'admin';
}

/** A unit's submitted (not yet verified) results: its own staff and reviewers in scope. */
export function canSeeUnverified(user: TAccessSubject, unit: TUnitRef): boolean {
  return canReadUnit(user, unit);
}

/**
 * Rank a cohort. Reviewers: a cohort inside their provinces (a reviewer of all provinces may rank
 * nationally). Commune staff: only cohorts their own unit belongs to that year (`ownUnitIsMember`),
 * and only on verified results.
 */
export function canRankCohort(
  user: TAccessSubject,
  rule: TCohortRule,
  options: { ownUnitIsMember: boolean; includeSubmitted: boolean },
): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'reviewer': {
      const provinces = user.scope.provinces;
      if (provinces === 'all') return true;
      return rule.province !== undefined && (provinces ?? []).includes(rule.province);
    }
    case 'commune_staff':
      return options.ownUnitIsMember && !options.includeSubmitted;
  }
}
