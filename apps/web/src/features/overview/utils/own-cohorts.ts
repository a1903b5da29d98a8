import {
  classificationForYear,
  describeCohortVi,
  type TCohortRule,
  type TUnitWithClassifications,
} from '@commune-bench/domain';
import type { RankingParams } from '../../rankings/api/get-ranking';

export interface OwnCohort {
  key: string;
  /** `xã loại I, tỉnh/thành Thành phố Hà Nội`. */
  name: string;
  params: RankingParams;
}

/**
 * The cohorts a commune is ranked in for a period: its type and class in its province, its type in
 * its province, its whole province, and its type and class nationwide. Class is the one valid in
 * the period's year; without one the class-based cohorts are left out.
 */
export function ownCohorts(
  unit: TUnitWithClassifications,
  indicator: string,
  period: string,
  year: number,
  provinceName: (code: string) => string | undefined,
): OwnCohort[] {
  const unitClass = classificationForYear(unit.classifications, year)?.class;
  const province = unit.provinceCode ?? undefined;
  const rules: TCohortRule[] = [];
  if (province !== undefined && unitClass !== undefined)
    rules.push({ province, unitTypes: [unit.type], classes: [unitClass] });
  if (province !== undefined) rules.push({ province, unitTypes: [unit.type] });
  if (province !== undefined) rules.push({ province });
  if (unitClass !== undefined) rules.push({ unitTypes: [unit.type], classes: [unitClass] });
  return rules.map((rule) => {
    const name = describeCohortVi(rule, { provinceName });
    return {
      key: JSON.stringify(rule),
      name: rule.province === undefined ? `${name}, toàn quốc` : name,
      params: {
        indicator,
        period,
        ...(rule.province !== undefined ? { province: rule.province } : {}),
        ...(rule.unitTypes?.[0] !== undefined ? { type: rule.unitTypes[0] } : {}),
        ...(rule.classes?.[0] !== undefined ? { class: rule.classes[0] } : {}),
      },
    };
  });
}
